import type { MatchStatus } from '../../gql/enums';

/** As the API: `DEFAULT_OVERDUE_DAYS` of `overdueProgressReports` in src/pairings/pairings.resolver.ts. */
export const OVERDUE_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

/** As the API: `REPORTING_STATUSES` in src/pairings/pairing-transitions.ts, the pairings that take progress reports. */
export const REPORTING_STATUSES: readonly MatchStatus[] = ['CONFIRMED', 'ACTIVE'];

export interface ReportingPairing {
  status: MatchStatus;
  /** The match's last change (`Match.updatedAt`): a decision or the first report's move to ACTIVE. */
  updatedAt: string;
  progressReports: readonly { createdAt: string }[];
}

/**
 * The rule of `overdueProgressReports`, which only the Secretariat may call (ProgressReportsService.overdue):
 * a CONFIRMED or ACTIVE pairing is overdue when it has not changed since the cutoff (`updatedAt < cutoff`)
 * and no report was filed since it (no `createdAt >= cutoff`). The report's filing time counts, not
 * the period it covers, so a late report on an old period still brings the pairing up to date.
 */
export function isOverdue(pairing: ReportingPairing, now: Date, days: number = OVERDUE_DAYS): boolean {
  if (!REPORTING_STATUSES.includes(pairing.status)) return false;
  const cutoff = now.getTime() - days * DAY_MS;
  return Date.parse(pairing.updatedAt) < cutoff && pairing.progressReports.every((report) => Date.parse(report.createdAt) < cutoff);
}

/** The report filed last, by filing time; null when none was. */
export function lastFiledReport<R extends { createdAt: string }>(reports: readonly R[]): R | null {
  return reports.reduce<R | null>(
    (latest, report) => (latest === null || Date.parse(report.createdAt) > Date.parse(latest.createdAt) ? report : latest),
    null,
  );
}
