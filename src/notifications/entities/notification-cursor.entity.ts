import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far a periodic scan has read, so the next one starts there (a tick missed is caught up). */
@Entity('notification_cursors')
export class NotificationCursor {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: Date })
  position: Date;
}
