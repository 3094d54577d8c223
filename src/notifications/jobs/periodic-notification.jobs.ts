import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../queue/job-queue';
import { EmailSender } from '../delivery/email-sender';
import { DailyDigest } from '../periodic/daily-digest';
import { DailySummary } from '../periodic/daily-summary';
import { NeedReconfirmation } from '../periodic/need-reconfirmation';
import { StrongMatchScan } from '../periodic/strong-match-scan';

/** Every minute: new strong matches are told to their state and donor. */
@Injectable()
export class StrongMatchScanJob implements JobHandler {
  readonly jobName = 'notify-strong-matches';
  constructor(private readonly scan: StrongMatchScan) {}
  handle(): Promise<void> {
    return this.scan.run();
  }
}

/** Every minute: e-mails whose sending failed are tried again once due (backoff up to an hour). */
@Injectable()
export class EmailRetryJob implements JobHandler {
  readonly jobName = 'retry-notification-emails';
  constructor(private readonly sender: EmailSender) {}
  handle(): Promise<void> {
    return this.sender.retryDue();
  }
}

/** 06:00 UTC: each user's digest of the notifications they chose to receive once a day. */
@Injectable()
export class DailyDigestJob implements JobHandler {
  readonly jobName = 'notification-digest';
  constructor(private readonly digest: DailyDigest) {}
  handle(): Promise<void> {
    return this.digest.run();
  }
}

/** 05:30 UTC: the Secretariat's summary of the day before. */
@Injectable()
export class DailySummaryJob implements JobHandler {
  readonly jobName = 'notification-daily-summary';
  constructor(private readonly summary: DailySummary) {}
  handle(): Promise<void> {
    return this.summary.run();
  }
}

/** 05:15 UTC: needs past their validity become stale, and states are asked to reconfirm needs that are due. */
@Injectable()
export class NeedReconfirmationJob implements JobHandler {
  readonly jobName = 'need-reconfirmation';
  constructor(private readonly reconfirmation: NeedReconfirmation) {}
  handle(): Promise<void> {
    return this.reconfirmation.run();
  }
}
