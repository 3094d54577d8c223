import { Injectable, Logger } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
import { User } from '../../accounts/entities/user.entity';
import { updateRows } from '../../database/update-rows';
import { JOB_ATTEMPTS, JOB_BACKOFF_MS, JobContext } from '../../queue/job-queue';
import { EmailDelivery } from '../entities/email-delivery.entity';
import { Notification } from '../entities/notification.entity';
import { composeEmail } from '../mail/compose-email';
import { Mailer } from '../mail/mailer';
import { NotificationPreferencesService } from '../notification-preferences.service';
import { NotificationPresenter } from './notification-presenter';
import { actorOf } from '../../accounts/account-state';

/** How long a sender holds an e-mail: longer than nodemailer's timeouts together. */
const CLAIM_MS = 2 * 60 * 1000;
/** Retries after the queue's own: half a minute, doubling, at most an hour apart. */
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 3600_000;

export const retryDelayMs = (attempts: number): number => Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempts - 1, 0), LONGEST_RETRY_MS);

/**
 * When the retry sweep may first take an e-mail just recorded: once the queue's own attempts and their
 * backoff are over, with a claim's length to spare. Before that the e-mail belongs to its job, and a
 * sweep taking it would spend one of its attempts out of turn.
 */
export const sweepMayTakeAt = (recordedAt: Date): Date =>
  new Date(recordedAt.getTime() + JOB_BACKOFF_MS * (2 ** (JOB_ATTEMPTS - 1) - 1) + CLAIM_MS);

/**
 * Sends one recorded e-mail at most once. The row is claimed first (two processes never send it at
 * once), visibility is checked again at this moment, and the row is stamped sent as soon as the SMTP
 * server accepts it. A failure is recorded with the next time to try; the queue retries with backoff,
 * and once its attempts are spent the retry sweep takes over, so an SMTP outage delays e-mail but
 * loses none.
 */
@Injectable()
export class EmailSender {
  private readonly logger = new Logger('EmailSender');

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly presenter: NotificationPresenter,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  async send(key: string, context?: Pick<JobContext, 'isLastAttempt'>): Promise<void> {
    if (!this.mailer.enabled) return;
    if (!(await this.claim(key))) return;
    const delivery = (await this.dataSource.getRepository(EmailDelivery).findOneBy({ key }))!;
    try {
      const sentTo = await this.deliver(delivery);
      await updateRows(
        this.dataSource,
        EmailDelivery,
        { key },
        { sentAt: new Date(), sentTo, attempts: delivery.attempts + 1, claimedUntil: null, nextAttemptAt: null, lastError: null },
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = delivery.attempts + 1;
      await updateRows(
        this.dataSource,
        EmailDelivery,
        { key },
        {
          attempts,
          lastError: message.slice(0, 2000),
          nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
          claimedUntil: null,
        },
      );
      if (context?.isLastAttempt === false) throw error;
      this.logger.warn(`E-mail ${key} not sent (attempt ${attempts}); the retry sweep tries again: ${message}`);
    }
  }

  /** The retry sweep: every unsent e-mail due for another try, a batch at a time, oldest first. */
  async retryDue(batch = 100): Promise<void> {
    for (const key of await this.dueKeys(batch)) await this.send(key);
  }

  private async dueKeys(limit: number): Promise<string[]> {
    const now = new Date();
    const rows = await this.dataSource
      .getRepository(EmailDelivery)
      .createQueryBuilder('delivery')
      .select('delivery.key', 'key')
      .where('delivery.sentAt IS NULL')
      .andWhere('delivery.nextAttemptAt <= :now', { now })
      .andWhere(new Brackets((free) => free.where('delivery.claimedUntil IS NULL').orWhere('delivery.claimedUntil < :now', { now })))
      .orderBy('delivery.nextAttemptAt', 'ASC')
      .limit(limit)
      .getRawMany<{ key: string }>();
    return rows.map((row) => row.key);
  }

  /** Takes the e-mail for this sender, if it is unsent and nobody holds it. */
  private async claim(key: string): Promise<boolean> {
    const now = new Date();
    const result = await this.dataSource.transaction((manager) =>
      manager
        .createQueryBuilder()
        .update(EmailDelivery)
        .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS) })
        .where('key = :key', { key })
        .andWhere('sent_at IS NULL')
        .andWhere(new Brackets((free) => free.where('claimed_until IS NULL').orWhere('claimed_until < :now', { now })))
        .execute(),
    );
    return (result.affected ?? 0) === 1;
  }

  /** Sends the e-mail and returns the address, or null when nothing in it may be shown any more. */
  private async deliver(delivery: EmailDelivery): Promise<string | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: delivery.userId });
    if (!user) return null;
    const notifications = await this.dataSource
      .getRepository(Notification)
      .find({ where: { id: In(delivery.notificationIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
    const { language } = await this.preferences.forUser(user.id);
    const items = (await this.presenter.present(actorOf(user), language, notifications)).filter((item) => item.visible);
    if (!items.length) return null;
    const digest = delivery.key.startsWith('digest:');
    await this.mailer.send({
      to: user.email,
      language,
      messageId: `<${delivery.key.replace(/[^\w.-]/g, '.')}@poa-match>`,
      ...composeEmail(language, items, digest),
    });
    return user.email;
  }
}
