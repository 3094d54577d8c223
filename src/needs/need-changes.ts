import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { PersonLane } from '../queue/lanes/person-lane';
import { OutboxWriter } from '../queue/outbox/outbox-writer';

/** The job a changed need becomes: the matching engine, above this feature, rescores it against every live offer. */
export const NEED_CHANGED_JOB = 'rescore-need';
/** The same job in the bulk lane, queued behind the changes people make (see PersonLane). */
export const NEED_CHANGED_IN_BULK_JOB = 'rescore-need-bulk';

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
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly lane: PersonLane,
  ) {}

  /** `by`: the account that made the change, null for work no account asked for. */
  announce(manager: EntityManager, needId: string, by: Actor | null): Promise<void> {
    const jobName = this.lane.admits(by?.userId ?? null) ? NEED_CHANGED_JOB : NEED_CHANGED_IN_BULK_JOB;
    return this.outbox.add(manager, jobName, { needId } satisfies NeedChangedJobData);
  }
}
