import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { newId } from '../../common/entity-id';
import { NotificationKind } from '../notification-kind';

/** Facts of the moment the notification was made, which later changes should not rewrite. */
export interface NotificationParams {
  score?: number;
  allocatedUsd?: number | null;
  reason?: string;
  /** ISO date (YYYY-MM-DD) a report or reconfirmation is due by, or was last made. */
  date?: string;
  overdue?: boolean;
  /** Daily summary: counts by what happened. */
  counts?: Record<string, number>;
}

/**
 * One thing one user is told, in the application (and by e-mail if they chose so). Its need, offer
 * or pairing is named by id only: titles are read, and visibility checked, each time it is shown
 * or sent, so a notification never outlives the reader's right to see what it is about.
 */
@Entity('notifications')
@Unique('UQ_notifications_user_event', ['userId', 'eventKey'])
@Index(['userId', 'createdAt'])
@Index(['digestPending', 'userId'])
export class Notification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  /** What happened, the same for every recipient: the same event never notifies a user twice. */
  @Column({ name: 'event_key', type: 'varchar', length: 120 })
  eventKey: string;

  @Column({ name: 'match_id', type: 'varchar', length: 36, nullable: true })
  matchId: string | null;

  @Column({ name: 'need_id', type: 'varchar', length: 36, nullable: true })
  needId: string | null;

  @Column({ type: 'simple-json' })
  params: NotificationParams;

  /** Waiting for the recipient's daily e-mail digest. */
  @Column({ name: 'digest_pending', type: 'boolean', default: false })
  digestPending: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'read_at', type: Date, nullable: true })
  readAt: Date | null;
}
