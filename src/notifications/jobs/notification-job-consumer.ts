import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../queue/job-queue';
import { NotifyJob } from './notify.job';
import { DailyDigestJob, DailySummaryJob, EmailRetryJob, NeedReconfirmationJob, StrongMatchScanJob } from './periodic-notification.jobs';
import { SendEmailJob } from './send-email.job';

/**
 * Registers the notification jobs where this process runs jobs (the worker, or the API without
 * Redis), with the clocks of the periodic ones (UTC).
 */
@Injectable()
export class NotificationJobConsumer implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly notify: NotifyJob,
    private readonly sendEmail: SendEmailJob,
    private readonly strongMatches: StrongMatchScanJob,
    private readonly emailRetry: EmailRetryJob,
    private readonly digest: DailyDigestJob,
    private readonly summary: DailySummaryJob,
    private readonly reconfirmation: NeedReconfirmationJob,
  ) {}

  onModuleInit(): void {
    if (!this.queue.consumesHere) return;
    this.queue.register([this.notify, this.sendEmail, this.strongMatches, this.emailRetry, this.digest, this.summary, this.reconfirmation]);
    this.queue.schedule({ schedulerId: 'notify-strong-matches', jobName: this.strongMatches.jobName, pattern: '* * * * *' });
    this.queue.schedule({ schedulerId: 'retry-notification-emails', jobName: this.emailRetry.jobName, pattern: '* * * * *' });
    this.queue.schedule({ schedulerId: 'need-reconfirmation', jobName: this.reconfirmation.jobName, pattern: '15 5 * * *' });
    this.queue.schedule({ schedulerId: 'notification-daily-summary', jobName: this.summary.jobName, pattern: '30 5 * * *' });
    this.queue.schedule({ schedulerId: 'notification-digest', jobName: this.digest.jobName, pattern: '0 6 * * *' });
  }
}
