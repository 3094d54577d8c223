import { Injectable } from '@nestjs/common';
import { OFFER_CHANGED_JOB, OfferChangedJobData } from '../../../offers/offer-changes';
import { JobHandler } from '../../../queue/job-queue';
import { MatchingEngine } from '../matching-engine';

/** An offer was created, changed, published or withdrawn: rescore it against every live need. */
@Injectable()
export class RescoreOfferJob implements JobHandler<OfferChangedJobData> {
  readonly jobName = OFFER_CHANGED_JOB;

  constructor(private readonly engine: MatchingEngine) {}

  handle({ offerId }: OfferChangedJobData): Promise<void> {
    return this.engine.rescoreOffer(offerId);
  }
}
