import { Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '../common/graphql/request-loaders';
import { CoverageResolver } from './coverage/coverage.resolver';
import { CoverageService } from './coverage/coverage.service';
import { FinancialSummaryResolver } from './coverage/financial-summary.resolver';
import { FinancialSummaryService } from './coverage/financial-summary.service';
import { MatchEventsModule } from '../matching/events/match-events.module';
import { NeedsModule } from '../needs/needs.module';
import { OffersModule } from '../offers/offers.module';
import { MatchEventsResolver } from './decisions/match-events.resolver';
import { PairingsResolver } from './decisions/pairings.resolver';
import { AllocationPlanJobsModule } from './allocation/plans/allocation-plan-jobs.module';
import { AllocationPlansResolver, PlannedAllocationResolver } from './allocation/plans/allocation-plans.resolver';
import { AllocationPlansService } from './allocation/plans/allocation-plans.service';
import { PairingsService } from './decisions/pairings.service';
import {
  MatchProgressReportsResolver,
  PROGRESS_REPORTS_BY_MATCH,
  ProgressReportFieldsResolver,
} from './progress/progress-report-fields.resolver';
import { ProgressReportsService } from './progress/progress-reports.service';
import { ProgressRemindersModule } from './progress/progress-reminders.module';

/** The pairing workflow, its money, optimal allocation plans, progress reports, coverage and live events. */
@Module({
  imports: [MatchEventsModule, AllocationPlanJobsModule, ProgressRemindersModule, NeedsModule, OffersModule],
  providers: [
    PairingsService,
    ProgressReportsService,
    CoverageService,
    FinancialSummaryService,
    AllocationPlansService,
    PairingsResolver,
    MatchProgressReportsResolver,
    ProgressReportFieldsResolver,
    CoverageResolver,
    FinancialSummaryResolver,
    MatchEventsResolver,
    AllocationPlansResolver,
    PlannedAllocationResolver,
  ],
  exports: [PairingsService, MatchEventsModule, CoverageService, ProgressReportsService],
})
export class PairingsModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly progressReports: ProgressReportsService,
  ) {}

  onModuleInit(): void {
    this.loaders.register(PROGRESS_REPORTS_BY_MATCH, (matchIds) => this.progressReports.byMatch(matchIds));
  }
}
