import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../../queue/job-queue';
import { FullRunJob } from './full-run.job';
import { RescoreNeedJob } from './rescore-need.job';
import { RescoreOfferJob } from './rescore-offer.job';

/**
 * Hands the matching jobs to the queue where this process should run them: always in the worker,
 * and in the API only when there is no Redis (the queue decides; see JobQueue.consumesHere).
 */
@Injectable()
export class MatchingJobConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly queue: JobQueue,
    private readonly rescoreNeed: RescoreNeedJob,
    private readonly rescoreOffer: RescoreOfferJob,
    private readonly fullRun: FullRunJob,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.queue.consumesHere) await this.queue.consume([this.rescoreNeed, this.rescoreOffer, this.fullRun]);
  }
}
