import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '../../queue/job-queue';
import { SEND_EMAIL_JOB, SendEmailJobData } from '../delivery/email-job-data';
import { EmailSender } from '../delivery/email-sender';

/** An e-mail was recorded: send it. */
@Injectable()
export class SendEmailJob implements JobHandler<SendEmailJobData> {
  readonly jobName = SEND_EMAIL_JOB;

  constructor(private readonly sender: EmailSender) {}

  handle({ key }: SendEmailJobData, context: JobContext): Promise<void> {
    return this.sender.send(key, context);
  }
}
