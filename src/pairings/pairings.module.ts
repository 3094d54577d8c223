import { Module } from '@nestjs/common';
import { CoverageResolver } from './coverage/coverage.resolver';
import { CoverageService } from './coverage/coverage.service';
import { MatchEventsModule } from '../matching/events/match-events.module';
import { NeedsModule } from '../needs/needs.module';
import { OffersModule } from '../offers/offers.module';
import { MatchEventsResolver } from './decisions/match-events.resolver';
import { PairingsResolver } from './decisions/pairings.resolver';
import { AllocationPlanJobsModule } from './allocation/plans/allocation-plan-jobs.module';
import { AllocationPlansResolver, PlannedAllocationResolver } from './allocation/plans/allocation-plans.resolver';
import { AllocationPlansService } from './allocation/plans/allocation-plans.service';
import { PairingsService } from './decisions/pairings.service';
import { MatchProgressReportsResolver, ProgressReportFieldsResolver } from './progress/progress-report-fields.resolver';
import { ProgressReportsService } from './progress/progress-reports.service';

/** The pairing workflow, its money, optimal allocation plans, progress reports, coverage and live events. */
@Module({
  imports: [MatchEventsModule, AllocationPlanJobsModule, NeedsModule, OffersModule],
  providers: [
    PairingsService,
    ProgressReportsService,
    CoverageService,
    AllocationPlansService,
    PairingsResolver,
    MatchProgressReportsResolver,
    ProgressReportFieldsResolver,
    CoverageResolver,
    MatchEventsResolver,
    AllocationPlansResolver,
    PlannedAllocationResolver,
  ],
  exports: [PairingsService, MatchEventsModule, CoverageService, ProgressReportsService],
})
export class PairingsModule {}
