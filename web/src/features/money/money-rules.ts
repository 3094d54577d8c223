import type { Locale } from '../../i18n/locales';

/** One line of a financial summary table: a donor, a state or a year with its figures. */
export interface FiguresRow {
  key: string;
  name: string;
  approvedUsd: number;
  disbursedUsd: number;
  lastReportAt?: string | null;
  pairings: number;
  pairingsNeverReported: number;
}

/** Rows in the reader's alphabetical order: the API sorts donors by name and states by code, neither as the reader reads. */
export function byName(rows: FiguresRow[], locale: Locale): FiguresRow[] {
  const collator = new Intl.Collator(locale);
  return [...rows].sort((a, b) => collator.compare(a.name, b.name));
}
