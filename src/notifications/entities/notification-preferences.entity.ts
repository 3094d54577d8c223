import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { UnLanguage } from '../../reference/data/themes';
import type { KindDelivery, NotificationKind } from '../notification-kind';

/** A user's choices; kinds left out follow KIND_RULES' defaults. No row: every default, in English. */
@Entity('notification_preferences')
export class NotificationPreferences {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  /** The language of e-mails and of the application's notification texts. */
  @Column({ type: 'varchar', length: 2 })
  language: UnLanguage;

  @Column({ type: 'simple-json' })
  kinds: Partial<Record<NotificationKind, KindDelivery>>;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
