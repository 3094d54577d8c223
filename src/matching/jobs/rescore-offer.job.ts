import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../queue/job-queue';
import { MatchingEngine } from '../matching-engine';
import { RESCORE_OFFER_JOB } from './rescore-offer-job-name';

export { RESCORE_OFFER_JOB };

export interface RescoreOfferJobData {
  offerId: string;
}

/** An offer was created, changed, published or withdrawn: rescore it against every live need. */
@Injectable()
export class RescoreOfferJob implements JobHandler<RescoreOfferJobData> {
  readonly jobName = RESCORE_OFFER_JOB;

  constructor(private readonly engine: MatchingEngine) {}

  handle({ offerId }: RescoreOfferJobData): Promise<void> {
    return this.engine.rescoreOffer(offerId);
  }
}
