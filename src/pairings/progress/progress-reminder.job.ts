import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationDispatcher } from '../../notifications/delivery/notification-dispatcher';
import { NotificationKind } from '../../notifications/notification-kind';
import { JobHandler, JobQueue } from '../../queue/job-queue';
import { overduePairings } from './overdue-pairings';

/** A year without a progress report on a running pairing earns its parties and the Secretariat a reminder (para 95). */
export const REMINDER_AFTER_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * 05:45 UTC: reminds the state, the donor and the Secretariat of each pairing that has gone a year
 * without a progress report. One reminder per silent stretch: the event is keyed by the pairing and
 * the day its silence began, so a report (or a change) starts a new stretch and the daily run adds
 * nothing in between.
 */
@Injectable()
export class ProgressReminderJob implements JobHandler, OnModuleInit {
  readonly jobName = 'progress-report-reminders';

  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: NotificationDispatcher,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    if (!this.queue.consumesHere) return;
    this.queue.register([this]);
    this.queue.schedule({ schedulerId: this.jobName, jobName: this.jobName, pattern: '45 5 * * *' });
  }

  async handle(): Promise<void> {
    for (const { match, lastReportAt } of await overduePairings(this.dataSource, REMINDER_AFTER_DAYS)) {
      const silentSince = lastReportAt ?? match.updatedAt;
      await this.dispatcher.dispatch({
        kind: NotificationKind.PROGRESS_REPORT_DUE,
        eventKey: `${NotificationKind.PROGRESS_REPORT_DUE}:${match.id}:${isoDay(silentSince)}`,
        matchId: match.id,
        // Never reported: the first report was due a year after the pairing went quiet; else the last one is named.
        params: lastReportAt
          ? { overdue: true, date: isoDay(lastReportAt) }
          : { date: isoDay(new Date(silentSince.getTime() + REMINDER_AFTER_DAYS * DAY_MS)) },
      });
    }
  }
}
