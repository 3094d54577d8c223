import { Injectable } from '@nestjs/common';
import { EntityManager, QueryRunner } from 'typeorm';
import { appendRow } from '../../database/append-row';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Records "queue this job" inside the caller's transaction, so the job exists exactly when the
 * change does. The relay learns after the commit that there is something to hand over.
 */
@Injectable()
export class OutboxWriter {
  private readonly pendingCommits = new Set<QueryRunner>();

  async add(manager: EntityManager, jobName: string, payload: Record<string, unknown>): Promise<void> {
    await appendRow(manager, OutboxMessage, Object.assign(new OutboxMessage(), { jobName, payload, dispatchedAt: null }));
    if (manager.queryRunner) this.pendingCommits.add(manager.queryRunner);
  }

  /** Whether the transaction that just ended on this runner wrote messages; forgets it either way. */
  takeWrite(queryRunner: QueryRunner | undefined): boolean {
    return !!queryRunner && this.pendingCommits.delete(queryRunner);
  }
}
