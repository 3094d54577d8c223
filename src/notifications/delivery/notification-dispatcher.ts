import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { User } from '../../accounts/entities/user.entity';
import { AppConfig } from '../../config/app-config';
import { Match } from '../../matching/entities/match.entity';
import { MatchesService } from '../../matching/api/matches.service';
import { Need } from '../../needs/entities/need.entity';
import { NeedsService } from '../../needs/needs.service';
import { Offer } from '../../offers/entities/offer.entity';
import { OutboxWriter } from '../../queue/outbox/outbox-writer';
import { EmailDelivery } from '../entities/email-delivery.entity';
import { Notification } from '../entities/notification.entity';
import { NotificationBus } from '../notification-bus';
import { KIND_RULES } from '../notification-kind';
import { NotificationPreferencesService } from '../notification-preferences.service';
import { NotificationEvent } from '../outbox/notification-event';
import { SEND_EMAIL_JOB, SendEmailJobData } from './email-job-data';
import { sweepMayTakeAt } from './email-sender';
import { actorOf } from '../../accounts/account-state';
import { isAudience } from './recipients';
import { MatchSides } from '../../matching/match-policy';

/**
 * Turns an event into one notification per user who is its audience and may see what it is about,
 * and queues the e-mails of those who want them at once. Run again for the same event (a job handed
 * over twice, a retry), it adds nothing: notifications are unique per user and event.
 */
@Injectable()
export class NotificationDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly matches: MatchesService,
    private readonly needs: NeedsService,
    private readonly preferences: NotificationPreferencesService,
    private readonly outbox: OutboxWriter,
    private readonly bus: NotificationBus,
  ) {}

  async dispatch(event: NotificationEvent): Promise<void> {
    const owners = await this.ownersOf(event);
    if (!owners) return;
    const candidates = await this.dataSource
      .getRepository(User)
      .find({ where: { role: In([...KIND_RULES[event.kind].roles]) }, order: { id: 'ASC' } });
    const recipients: User[] = [];
    for (const user of candidates.filter((candidate) => isAudience(candidate, event.kind, owners))) {
      if (await this.maySee(user, event)) recipients.push(user);
    }
    if (!recipients.length) return;
    const added = await this.dataSource.transaction((manager) => this.store(manager, event, recipients));
    await this.bus.publish(added.map((notification) => ({ userId: notification.userId, notificationId: notification.id })));
  }

  private async store(manager: EntityManager, event: NotificationEvent, recipients: User[]): Promise<Notification[]> {
    const existing = await manager.find(Notification, {
      where: { eventKey: event.eventKey, userId: In(recipients.map((user) => user.id)) },
      select: { userId: true },
    });
    const notified = new Set(existing.map((row) => row.userId));
    const fresh = recipients.filter((user) => !notified.has(user.id));
    const preferences = await this.preferences.forUsers(
      fresh.map((user) => user.id),
      manager,
    );
    const added: Notification[] = [];
    for (const user of fresh) {
      const delivery = preferences.get(user.id)!.kinds[event.kind];
      const byEmail = !!this.config.SMTP_URL && delivery.email;
      // A kind that is a digest by nature (the daily summary) is itself the day's e-mail.
      const inDigest = delivery.digest && !KIND_RULES[event.kind].alwaysDigest;
      const notification = Object.assign(new Notification(), {
        userId: user.id,
        kind: event.kind,
        eventKey: event.eventKey,
        matchId: event.matchId ?? null,
        needId: event.needId ?? null,
        params: event.params,
        digestPending: byEmail && inDigest,
        readAt: null,
      });
      await manager.save(notification);
      added.push(notification);
      if (byEmail && !inDigest) await this.queueEmail(manager, `notification:${notification.id}`, user.id, [notification.id]);
    }
    return added;
  }

  /** Records an e-mail to send and queues its sending, in the caller's transaction. */
  async queueEmail(manager: EntityManager, key: string, userId: string, notificationIds: string[]): Promise<void> {
    await manager.save(
      Object.assign(new EmailDelivery(), {
        key,
        userId,
        notificationIds,
        sentAt: null,
        sentTo: null,
        nextAttemptAt: sweepMayTakeAt(new Date()),
        claimedUntil: null,
        lastError: null,
      }),
    );
    await this.outbox.add(manager, SEND_EMAIL_JOB, { key } satisfies SendEmailJobData);
  }

  /** Whose need and offer the event concerns; null when it is gone. */
  private async ownersOf(event: NotificationEvent): Promise<MatchSides | null> {
    if (event.matchId) {
      const row = await this.dataSource
        .getRepository(Match)
        .createQueryBuilder('match')
        .innerJoin(Need, 'need', 'need.id = match.needId')
        .innerJoin(Offer, 'offer', 'offer.id = match.offerId')
        .select('need.countryIso3', 'needCountryIso3')
        .addSelect('offer.donorId', 'offerDonorId')
        .where('match.id = :id', { id: event.matchId })
        .getRawOne<MatchSides>();
      return row ?? null;
    }
    if (event.needId) {
      const need = await this.dataSource
        .getRepository(Need)
        .findOne({ where: { id: event.needId }, select: { id: true, countryIso3: true } });
      return need ? { needCountryIso3: need.countryIso3, offerDonorId: null } : null;
    }
    return { needCountryIso3: null, offerDonorId: null };
  }

  private async maySee(user: User, event: NotificationEvent): Promise<boolean> {
    const actor = actorOf(user);
    if (event.matchId && !(await this.matches.visibleIds(actor, [event.matchId])).has(event.matchId)) return false;
    if (event.needId && !(await this.needs.visibleIds(actor, [event.needId])).has(event.needId)) return false;
    return true;
  }
}
