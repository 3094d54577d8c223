import type { Locale } from './locales';

/**
 * Numbers, money and dates in the reader's locale, through Intl. Calendar dates (YYYY-MM-DD) are
 * formatted in UTC so a date never moves by a day with the reader's time zone.
 */
export function formatUsd(locale: Locale, amount: number): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(amount);
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A share in [0, 1] as a whole percentage. */
export function formatPercent(locale: Locale, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatDate(locale: Locale, isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

export function formatDateTime(locale: Locale, isoDateTime: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(isoDateTime));
}

/** A country's or an M49 area's name in the reader's language, from the browser's own CLDR data. */
export function regionName(locale: Locale, code: string, fallback: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of(code) ?? fallback;
  } catch {
    return fallback;
  }
}

/** The funded share of a need, clamped to [0, 1] (a need with no budget yet counts as unfunded). */
export function fundedShare(fundedUsd: number, budgetUsd: number): number {
  if (budgetUsd <= 0) return 0;
  return Math.min(1, Math.max(0, fundedUsd / budgetUsd));
}
