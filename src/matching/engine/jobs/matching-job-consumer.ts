import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../../queue/job-queue';
import { FullRunJob } from './full-run.job';
import { RescoreNeedJob } from './rescore-need.job';
import { RescoreOfferJob } from './rescore-offer.job';

/**
 * Registers the matching jobs with the queue where this process should run them: always in the worker,
 * and in the API only when there is no Redis (the queue decides; see JobQueue.consumesHere).
 *
 * Full runs carry no priority, so they go ahead of every rescoring job (and absorb those queued before
 * them). A changed need is rescored before changed offers: it is cheap, and a person who publishes
 * one waits for its matches, while an offer batch rescores many needs. Both processes declare this,
 * as the API queues the jobs and the worker runs them.
 */
@Injectable()
export class MatchingJobConsumer implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly rescoreNeed: RescoreNeedJob,
    private readonly rescoreOffer: RescoreOfferJob,
    private readonly fullRun: FullRunJob,
  ) {}

  onModuleInit(): void {
    this.queue.prioritise(this.rescoreNeed.jobName, 1);
    this.queue.prioritise(this.rescoreOffer.jobName, 2);
    if (this.queue.consumesHere) this.queue.register([this.rescoreNeed, this.rescoreOffer, this.fullRun]);
  }
}
