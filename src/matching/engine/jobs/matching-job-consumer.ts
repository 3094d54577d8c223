import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../../queue/job-queue';
import { FullRunJob } from './full-run.job';
import { RescoreBulkNeedJob, RescoreNeedJob } from './rescore-need.job';
import { RescoreOfferJob } from './rescore-offer.job';

/**
 * Registers the matching jobs with the queue where this process should run them: always in the worker,
 * and in the API only when there is no Redis (the queue decides; see JobQueue.consumesHere).
 *
 * Full runs carry no priority, so they go ahead of every rescoring job (and absorb those queued before
 * them). Then the needs people changed (the person lane, see PersonLane): whoever publishes one waits
 * for its matches. Then the needs changed in bulk, and last changed offers: a need is cheap to
 * rescore, while an offer batch rescores many needs. Both processes declare this, as the API queues
 * the jobs and the worker runs them.
 */
@Injectable()
export class MatchingJobConsumer implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly rescoreNeed: RescoreNeedJob,
    private readonly rescoreBulkNeed: RescoreBulkNeedJob,
    private readonly rescoreOffer: RescoreOfferJob,
    private readonly fullRun: FullRunJob,
  ) {}

  onModuleInit(): void {
    this.queue.prioritise(this.rescoreNeed.jobName, 1);
    this.queue.prioritise(this.rescoreBulkNeed.jobName, 2);
    this.queue.prioritise(this.rescoreOffer.jobName, 3);
    if (this.queue.consumesHere) this.queue.register([this.rescoreNeed, this.rescoreBulkNeed, this.rescoreOffer, this.fullRun]);
  }
}
