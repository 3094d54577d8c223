import { DataSource } from 'typeorm';
import { Match } from '../../matching/entities/match.entity';
import { REPORTING_STATUSES } from '../decisions/pairing-transitions';
import { ProgressReport } from './progress-report.entity';
import { OverdueReporting } from './overdue-reporting.type';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * CONFIRMED and ACTIVE pairings with no progress report, and no change, in the last `days` days (a
 * freshly confirmed pairing is not yet late), the longest silent first: the Secretariat's list and
 * the reminders read the same rule.
 */
export async function overduePairings(dataSource: DataSource, days: number, now = new Date()): Promise<OverdueReporting[]> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const matches = await dataSource
    .getRepository(Match)
    .createQueryBuilder('match')
    .where('match.status IN (:...running)', { running: REPORTING_STATUSES })
    .andWhere('match.updatedAt < :cutoff', { cutoff })
    .andWhere('NOT EXISTS (SELECT 1 FROM progress_reports recent WHERE recent.match_id = match.id AND recent.created_at >= :cutoff)')
    .getMany();
  const latest = await latestReportTimes(
    dataSource,
    matches.map((match) => match.id),
  );
  return matches
    .map((match) => ({ match, lastReportAt: latest.get(match.id) ?? null }))
    .sort((a, b) => (a.lastReportAt ?? a.match.updatedAt).getTime() - (b.lastReportAt ?? b.match.updatedAt).getTime());
}

async function latestReportTimes(dataSource: DataSource, matchIds: string[]): Promise<Map<string, Date>> {
  if (!matchIds.length) return new Map();
  const rows = await dataSource
    .getRepository(ProgressReport)
    .createQueryBuilder('report')
    .select('report.matchId', 'matchId')
    .addSelect('MAX(report.createdAt)', 'lastAt')
    .where('report.matchId IN (:...matchIds)', { matchIds })
    .groupBy('report.matchId')
    .getRawMany<{ matchId: string; lastAt: string | Date }>();
  return new Map(rows.map((row) => [row.matchId, parseTimestamp(row.lastAt)]));
}

/** Raw aggregates come back as Date from PostgreSQL and as a UTC "YYYY-MM-DD HH:MM:SS" string from SQLite. */
function parseTimestamp(value: string | Date): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
