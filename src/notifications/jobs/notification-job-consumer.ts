import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../queue/job-queue';
import { NotifyJob } from './notify.job';
import { SendEmailJob } from './send-email.job';

/** Registers the notification jobs where this process runs jobs (the worker, or the API without Redis). */
@Injectable()
export class NotificationJobConsumer implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly notify: NotifyJob,
    private readonly sendEmail: SendEmailJob,
  ) {}

  onModuleInit(): void {
    if (this.queue.consumesHere) this.queue.register([this.notify, this.sendEmail]);
  }
}
