import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { Actor } from '../access/actor';
import { AppConfig } from '../config/app-config';
import { NotFoundError } from '../common/errors/domain-errors';
import { Connection, pageWindow, toConnection } from '../common/pagination/connection';
import type { UnLanguage } from '../reference/data/themes';
import { NotificationPresenter, PresentedNotification } from './delivery/notification-presenter';
import {
  NotificationConnection,
  NotificationKindPreference,
  NotificationPreferencesView,
  NotificationsArgs,
  NotificationsRead,
  NotificationView,
} from './dto/notification.types';
import { Notification } from './entities/notification.entity';
import { KIND_RULES, kindsFor } from './notification-kind';
import { EffectivePreferences, NotificationPreferencesService } from './notification-preferences.service';

/** A user's own notifications: only ever the caller's, written out as the caller may see them now. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly presenter: NotificationPresenter,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  async list(actor: Actor, args: NotificationsArgs): Promise<NotificationConnection> {
    const { skip, take } = pageWindow(args);
    const where = { userId: actor.userId, ...(args.unreadOnly ? { readAt: IsNull() } : {}) };
    const repository = this.dataSource.getRepository(Notification);
    const [[items, total], unreadCount] = await Promise.all([
      repository.findAndCount({ where, order: { createdAt: 'DESC', id: 'DESC' }, skip, take }),
      this.unreadCount(actor),
    ]);
    const connection: Connection<NotificationView> = toConnection(await this.present(actor, items, args.language), total, skip);
    return Object.assign(new NotificationConnection(), connection, { unreadCount });
  }

  /** One of the caller's notifications, or null when it is not theirs. */
  async findOwn(actor: Actor, id: string, language?: UnLanguage): Promise<NotificationView | null> {
    const notification = await this.dataSource.getRepository(Notification).findOneBy({ id, userId: actor.userId });
    return notification ? (await this.present(actor, [notification], language))[0] : null;
  }

  /** Marks the caller's notifications read in one statement; any id that is not theirs refuses the whole. */
  async markRead(actor: Actor, ids: string[]): Promise<NotificationsRead> {
    const unique = [...new Set(ids)];
    return this.dataSource.transaction(async (manager) => {
      const own = await manager.find(Notification, { where: { id: In(unique), userId: actor.userId }, select: { id: true } });
      const ownIds = new Set(own.map((row) => row.id));
      const foreign = unique.find((id) => !ownIds.has(id));
      if (foreign) throw new NotFoundError('Notification', foreign);
      await manager.update(Notification, { id: In(unique), readAt: IsNull() }, { readAt: new Date() });
      const unreadCount = await manager.count(Notification, { where: { userId: actor.userId, readAt: IsNull() } });
      return { ids: unique, unreadCount };
    });
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.dataSource.getRepository(Notification).count({ where: { userId: actor.userId, readAt: IsNull() } });
  }

  async preferencesOf(actor: Actor): Promise<NotificationPreferencesView> {
    return this.preferencesView(actor, await this.preferences.forUser(actor.userId));
  }

  preferencesView(actor: Actor, preferences: EffectivePreferences): NotificationPreferencesView {
    const kinds = kindsFor(actor.role).map((kind): NotificationKindPreference => ({
      kind,
      ...preferences.kinds[kind],
      alwaysDigest: !!KIND_RULES[kind].alwaysDigest,
    }));
    return { language: preferences.language, kinds, emailEnabled: !!this.config.SMTP_URL };
  }

  private async present(actor: Actor, items: Notification[], language?: UnLanguage): Promise<NotificationView[]> {
    const readerLanguage = language ?? (await this.preferences.forUser(actor.userId)).language;
    return (await this.presenter.present(actor, readerLanguage, items)).map(toView);
  }
}

function toView({ notification, visible, title, body }: PresentedNotification): NotificationView {
  return {
    id: notification.id,
    kind: notification.kind,
    title,
    body,
    matchId: visible ? notification.matchId : null,
    needId: visible ? notification.needId : null,
    createdAt: notification.createdAt,
    readAt: notification.readAt,
  };
}
