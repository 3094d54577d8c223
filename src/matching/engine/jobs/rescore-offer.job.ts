import { Injectable } from '@nestjs/common';
import { NEED_CHANGED_JOB } from '../../../needs/need-changes';
import { OFFER_CHANGED_JOB, OfferChangedJobData } from '../../../offers/offer-changes';
import { BatchJobHandler, JobContext, QueuedJob } from '../../../queue/job-queue';
import { MatchingEngine } from '../matching-engine';
import { betweenWrites, changedSinceLatestRun } from './changes-since-latest-run';

/**
 * Offers were created, changed, published or withdrawn: rescore the needs they concern. The offers
 * waiting are taken together, so the live needs are read once for all of them.
 */
@Injectable()
export class RescoreOfferJob implements BatchJobHandler<OfferChangedJobData> {
  readonly jobName = OFFER_CHANGED_JOB;
  readonly maxJobs = 200;

  constructor(private readonly engine: MatchingEngine) {}

  handle(data: OfferChangedJobData, context: JobContext): Promise<void> {
    return this.handleBatch([{ data, queuedAt: context.queuedAt }], context);
  }

  async handleBatch(jobs: readonly QueuedJob<OfferChangedJobData>[], context: JobContext): Promise<void> {
    const changed = await changedSinceLatestRun(this.engine, jobs);
    await this.engine.rescoreOffers([...new Set(changed.map(({ offerId }) => offerId))], betweenWrites(context, NEED_CHANGED_JOB));
  }
}
