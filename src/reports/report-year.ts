/** The Programme of Action was adopted in 2001; no national report on it is older. */
export const FIRST_REPORT_YEAR = 2001;

/** Reports are filed for the current cycle; one dated next year is accepted for a report prepared ahead. */
export function latestReportYear(now: Date = new Date()): number {
  return now.getUTCFullYear() + 1;
}
