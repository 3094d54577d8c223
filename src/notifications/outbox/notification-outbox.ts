import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxWriter } from '../../queue/outbox/outbox-writer';
import { NOTIFY_JOB, NotificationEvent } from './notification-event';

/**
 * Other features tell people through this, inside their own transaction (the outbox): the
 * notification exists exactly when the change does, and goes out once the queue has it.
 */
@Injectable()
export class NotificationOutbox {
  constructor(private readonly outbox: OutboxWriter) {}

  notify(manager: EntityManager, event: NotificationEvent): Promise<void> {
    return this.outbox.add(manager, NOTIFY_JOB, { ...event });
  }
}
