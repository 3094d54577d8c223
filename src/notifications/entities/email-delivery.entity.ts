import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One e-mail to one user, carrying one notification or a day's digest. Its key is the idempotency
 * key: the same notification or digest never makes a second row, a row is sent only while unsent,
 * and the key is the e-mail's Message-ID, so a mail server that saw it already can drop a copy.
 */
@Entity('email_deliveries')
@Index(['sentAt', 'nextAttemptAt'])
export class EmailDelivery {
  /** `notification:<id>` or `digest:<user id>:<YYYY-MM-DD>`. */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  key: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'notification_ids', type: 'simple-json' })
  notificationIds: string[];

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  /** Set once the SMTP server accepted the e-mail, or when nothing was left to send. */
  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt: Date | null;

  /** Who it went to (none: every item had become invisible to the recipient, so it was not sent). */
  @Column({ name: 'sent_to', type: 'varchar', length: 254, nullable: true })
  sentTo: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** While unsent: the earliest time the retry sweep tries again. */
  @Column({ name: 'next_attempt_at', type: Date, nullable: true })
  nextAttemptAt: Date | null;

  /** A sender holds the row until then, so two processes never send it at once. */
  @Column({ name: 'claimed_until', type: Date, nullable: true })
  claimedUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
