import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../../common/entity-id';

/**
 * A job to be queued, written in the same transaction as the change that calls for it. The relay
 * hands pending rows to the queue and stamps them; a Redis outage or a crash between commit and
 * hand-over leaves the row pending, and it is handed over later.
 */
@Entity('outbox_messages')
@Index(['dispatchedAt', 'createdAt'])
// The worker's offer-change check counts one job's recent messages before every need it rescores.
@Index(['jobName', 'createdAt'])
export class OutboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column({ name: 'job_name', type: 'varchar', length: 60 })
  jobName: string;

  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  /** When the queue accepted the job; null while pending. */
  @Column({ name: 'dispatched_at', type: Date, nullable: true })
  dispatchedAt: Date | null;
}
