import { Module } from '@nestjs/common';
import { CoverageResolver } from './coverage/coverage.resolver';
import { CoverageService } from './coverage/coverage.service';
import { MatchEventsModule } from '../match-events/match-events.module';
import { MatchEventsResolver } from './events/match-events.resolver';
import { PairingsResolver } from './pairings.resolver';
import { AllocationPlanJobsModule } from './plans/allocation-plan-jobs.module';
import { AllocationPlansResolver, PlannedAllocationResolver } from './plans/allocation-plans.resolver';
import { AllocationPlansService } from './plans/allocation-plans.service';
import { PairingsService } from './pairings.service';
import { MatchProgressReportsResolver, ProgressReportFieldsResolver } from './progress/progress-report-fields.resolver';
import { ProgressReportsService } from './progress/progress-reports.service';

/** The pairing workflow, its money, optimal allocation plans, progress reports, coverage and live events. */
@Module({
  imports: [MatchEventsModule, AllocationPlanJobsModule],
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
