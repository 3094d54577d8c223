import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../../queue/job-queue';
import { FullRunJob } from './full-run.job';
import { RescoreNeedJob } from './rescore-need.job';
import { RescoreOfferJob } from './rescore-offer.job';

/**
 * Registers the matching jobs with the queue where this process should run them: always in the worker,
 * and in the API only when there is no Redis (the queue decides; see JobQueue.consumesHere).
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
    if (this.queue.consumesHere) this.queue.register([this.rescoreNeed, this.rescoreOffer, this.fullRun]);
  }
}
