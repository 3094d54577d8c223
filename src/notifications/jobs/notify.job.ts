import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../queue/job-queue';
import { NotificationDispatcher } from '../delivery/notification-dispatcher';
import { NOTIFY_JOB, NotificationEvent } from '../outbox/notification-event';

/** Something happened that people are told about: make their notifications. */
@Injectable()
export class NotifyJob implements JobHandler<NotificationEvent> {
  readonly jobName = NOTIFY_JOB;

  constructor(private readonly dispatcher: NotificationDispatcher) {}

  handle(event: NotificationEvent): Promise<void> {
    return this.dispatcher.dispatch(event);
  }
}
