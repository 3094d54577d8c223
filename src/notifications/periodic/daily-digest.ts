import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationDispatcher } from '../delivery/notification-dispatcher';
import { EmailDelivery } from '../entities/email-delivery.entity';
import { Notification } from '../entities/notification.entity';

/**
 * Once a day, each user's notifications waiting for the digest go out as one e-mail. The digest of a
 * day is made once (its key names the user and the day); what arrives after it waits for the next.
 */
@Injectable()
export class DailyDigest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: NotificationDispatcher,
  ) {}

  async run(now = new Date()): Promise<void> {
    const day = now.toISOString().slice(0, 10);
    const users = await this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .select('DISTINCT notification.userId', 'userId')
      .where('notification.digestPending = :pending', { pending: true })
      .getRawMany<{ userId: string }>();
    for (const { userId } of users) {
      await this.dataSource.transaction(async (manager) => {
        const key = `digest:${userId}:${day}`;
        if (await manager.existsBy(EmailDelivery, { key })) return;
        const waiting = await manager.find(Notification, {
          where: { userId, digestPending: true },
          select: { id: true },
          order: { createdAt: 'ASC', id: 'ASC' },
        });
        if (!waiting.length) return;
        const ids = waiting.map((notification) => notification.id);
        await manager.createQueryBuilder().update(Notification).set({ digestPending: false }).whereInIds(ids).execute();
        await this.dispatcher.queueEmail(manager, key, userId, ids);
      });
    }
  }
}
