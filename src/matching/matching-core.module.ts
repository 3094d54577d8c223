import { Module } from '@nestjs/common';
import { MatchEventsModule } from './events/match-events.module';
import { MetricsModule } from '../metrics/metrics.module';
import { NeedsModule } from '../needs/needs.module';
import { FullRunJob } from './engine/jobs/full-run.job';
import { MatchingJobConsumer } from './engine/jobs/matching-job-consumer';
import { RescoreBulkNeedJob, RescoreNeedJob } from './engine/jobs/rescore-need.job';
import { RescoreOfferJob } from './engine/jobs/rescore-offer.job';
import { MatchesService } from './api/matches.service';
import { MatchWriter } from './engine/match-writer';
import { MatchingEngine } from './engine/matching-engine';
import { FullRunExecutor } from './engine/full-run/full-run-executor';
import { PairReasonsReader } from './engine/pair-reasons-reader';
import { PreparedOfferCache } from './engine/prepared-offer-cache';
import { ScoringInputRepository } from './engine/scoring-input.repository';

/**
 * Scoring and storing matches, the jobs that do it, and who may see which match; no GraphQL. The
 * worker process imports only this; the API imports it through MatchingModule.
 */
@Module({
  imports: [MatchEventsModule, MetricsModule, NeedsModule],
  providers: [
    MatchesService,
    ScoringInputRepository,
    PreparedOfferCache,
    MatchWriter,
    MatchingEngine,
    PairReasonsReader,
    FullRunExecutor,
    RescoreNeedJob,
    RescoreBulkNeedJob,
    RescoreOfferJob,
    FullRunJob,
    MatchingJobConsumer,
  ],
  exports: [MatchingEngine, PairReasonsReader, FullRunExecutor, MatchesService, NeedsModule],
})
export class MatchingCoreModule {}
