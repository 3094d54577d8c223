import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxWriter } from '../queue/outbox/outbox-writer';

/** The job a changed need becomes: the matching engine, above this feature, rescores it against every live offer. */
export const NEED_CHANGED_JOB = 'rescore-need';

export interface NeedChangedJobData {
  needId: string;
}

/**
 * Announces that a need was created, changed, published or withdrawn. The announcement is an outbox
 * row written in the caller's transaction, so a change and the rescoring it calls for are committed
 * together or not at all; this feature never calls the engine itself.
 */
@Injectable()
export class NeedChanges {
  constructor(private readonly outbox: OutboxWriter) {}

  announce(manager: EntityManager, needId: string): Promise<void> {
    return this.outbox.add(manager, NEED_CHANGED_JOB, { needId } satisfies NeedChangedJobData);
  }
}
