import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxWriter } from '../../queue/outbox/outbox-writer';
import { FULL_RUN_JOB, FullRunJobData } from '../jobs/full-run.job';
import { RESCORE_NEED_JOB, RescoreNeedJobData } from '../jobs/rescore-need.job';
import { RESCORE_OFFER_JOB, RescoreOfferJobData } from '../jobs/rescore-offer.job';

/**
 * The matching jobs other features ask for, written in their own transaction (the outbox), so a
 * change and the rescoring it calls for are committed together or not at all.
 */
@Injectable()
export class MatchingOutbox {
  constructor(private readonly outbox: OutboxWriter) {}

  /** A need was created, changed, published or withdrawn. */
  needChanged(manager: EntityManager, needId: string): Promise<void> {
    return this.outbox.add(manager, RESCORE_NEED_JOB, { needId } satisfies RescoreNeedJobData);
  }

  /** An offer was created, changed, published or withdrawn. */
  offerChanged(manager: EntityManager, offerId: string): Promise<void> {
    return this.outbox.add(manager, RESCORE_OFFER_JOB, { offerId } satisfies RescoreOfferJobData);
  }

  fullRunRequested(manager: EntityManager, runId: string): Promise<void> {
    return this.outbox.add(manager, FULL_RUN_JOB, { runId } satisfies FullRunJobData);
  }
}
