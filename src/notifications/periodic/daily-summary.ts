import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../../audit/audit-event.entity';
import { AppConfig } from '../../config/app-config';
import { Match } from '../../matching/entities/match.entity';
import { NotificationDispatcher } from '../delivery/notification-dispatcher';
import { SummaryCount } from '../delivery/notification-presenter';
import { NotificationKind } from '../notification-kind';

const DAY_MS = 24 * 3600 * 1000;

/** What each summary count counts in the audit trail. */
const AUDITED: Partial<Record<SummaryCount, string>> = {
  needsPublished: 'need.publish',
  offersPublished: 'offer.publish',
  approved: 'match.approve',
  confirmed: 'match.confirm',
  declined: 'match.decline',
};

/** Tells the Secretariat each morning what happened the day before (UTC), from the audit trail. */
@Injectable()
export class DailySummary {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly dispatcher: NotificationDispatcher,
  ) {}

  async run(now = new Date()): Promise<void> {
    const end = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
    const start = new Date(end.getTime() - DAY_MS);
    const day = start.toISOString().slice(0, 10);
    const counts: Record<string, number> = {};
    for (const [name, action] of Object.entries(AUDITED)) {
      counts[name] = await this.dataSource
        .getRepository(AuditEvent)
        .createQueryBuilder('event')
        .where('event.action = :action', { action })
        .andWhere('event.at >= :start AND event.at < :end', { start, end })
        .getCount();
    }
    counts.strongMatches = await this.dataSource
      .getRepository(Match)
      .createQueryBuilder('match')
      .where('match.createdAt >= :start AND match.createdAt < :end', { start, end })
      .andWhere('match.score >= :threshold', { threshold: this.config.NOTIFY_MATCH_MIN_SCORE })
      .getCount();
    await this.dispatcher.dispatch({
      kind: NotificationKind.DAILY_SUMMARY,
      eventKey: `${NotificationKind.DAILY_SUMMARY}:${day}`,
      params: { date: day, counts },
    });
  }
}
