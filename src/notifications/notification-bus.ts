import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { BroadcastBus } from '../common/broadcast/broadcast-bus';
import { AppConfig } from '../config/app-config';

/** What travels between processes when a user gets a notification: who, and which one. */
export interface NotificationAddedMessage {
  userId: string;
  notificationId: string;
}

/** Notifications one subscription may have waiting; a reader that far behind reloads the list. */
export const MAX_PENDING_NOTIFICATIONS = 1_000;

export class NotificationsDroppedError extends Error {
  readonly extensions = { code: 'EVENTS_DROPPED' };

  constructor() {
    super(
      `More than ${MAX_PENDING_NOTIFICATIONS} notifications were waiting for this subscription, so it was ended; subscribe again and reload the list.`,
    );
    this.name = 'NotificationsDroppedError';
  }
}

/** Tells the API processes that a notification was stored, for `notificationAdded`. */
@Injectable()
export class NotificationBus extends BroadcastBus<NotificationAddedMessage> implements OnModuleDestroy {
  constructor(config: AppConfig) {
    super(config, { channel: 'notifications', maxPending: MAX_PENDING_NOTIFICATIONS, droppedError: () => new NotificationsDroppedError() });
  }
}
