import { Module } from '@nestjs/common';
import { MatchEventsModule } from '../match-events/match-events.module';
import { MetricsModule } from '../metrics/metrics.module';
import { NeedsModule } from '../needs/needs.module';
import { FullRunJob } from './jobs/full-run.job';
import { MatchingJobConsumer } from './jobs/matching-job-consumer';
import { RescoreNeedJob } from './jobs/rescore-need.job';
import { RescoreOfferJob } from './jobs/rescore-offer.job';
import { MatchesService } from './matches.service';
import { MatchWriter } from './match-writer';
import { MatchingEngine } from './matching-engine';
import { MatchingRunner } from './matching-runner';
import { PreparedOfferCache } from './prepared-offer-cache';
import { ScoringInputRepository } from './scoring-input.repository';

/**
 * Scoring and storing matches, the jobs that do it, and who may see which match; no GraphQL. The
 * worker process imports only this; the API imports it through MatchingModule.
 */
@Module({
  imports: [MatchEventsModule, MetricsModule, NeedsModule],
  providers: [MatchesService, ScoringInputRepository, PreparedOfferCache, MatchWriter, MatchingEngine, MatchingRunner, RescoreNeedJob, RescoreOfferJob, FullRunJob, MatchingJobConsumer],
  exports: [MatchingEngine, MatchingRunner, MatchesService, NeedsModule],
})
export class MatchingCoreModule {}
