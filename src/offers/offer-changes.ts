import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxWriter } from '../queue/outbox/outbox-writer';

/** The job a changed offer becomes: the matching engine, above this feature, rescores it against every live need. */
export const OFFER_CHANGED_JOB = 'rescore-offer';

export interface OfferChangedJobData {
  offerId: string;
}

/**
 * Announces that an offer was created, changed, published or withdrawn. The announcement is an outbox
 * row written in the caller's transaction, so a change and the rescoring it calls for are committed
 * together or not at all; this feature never calls the engine itself.
 */
@Injectable()
export class OfferChanges {
  constructor(private readonly outbox: OutboxWriter) {}

  announce(manager: EntityManager, offerId: string): Promise<void> {
    return this.outbox.add(manager, OFFER_CHANGED_JOB, { offerId } satisfies OfferChangedJobData);
  }
}
