import { OVERDUE_DAYS } from '../pairings/overdue';

export const DEFAULT_OVERDUE_DAYS = OVERDUE_DAYS;
/** As the API's `overdueProgressReports(days)`: 1 to 3650. */
export const MAX_OVERDUE_DAYS = 3650;

const DAY_MS = 24 * 60 * 60 * 1000;

export type DaysProblem = 'required' | 'wholeNumber' | 'range';

/** The days of silence the reader typed, or why the API would refuse them. */
export function parseDays(input: string): { days: number } | { problem: DaysProblem } {
  const text = input.trim();
  if (!text) return { problem: 'required' };
  if (!/^\d+$/.test(text)) return { problem: 'wholeNumber' };
  const days = Number(text);
  if (days < 1 || days > MAX_OVERDUE_DAYS) return { problem: 'range' };
  return { days };
}

/**
 * Whole days since the pairing was last heard of: its last report, or its last change when none
 * was filed (the API counts either as a sign of life).
 */
export function daysSilent(lastReportAt: string | null | undefined, updatedAt: string, now: Date): number {
  const last = Math.max(Date.parse(updatedAt), lastReportAt ? Date.parse(lastReportAt) : 0);
  return Math.max(0, Math.floor((now.getTime() - last) / DAY_MS));
}

/** The console's page for an audited record, where it has one. */
export function recordPath(entityType: string, entityId: string): string | null {
  if (entityType === 'Need') return `/needs/${entityId}`;
  if (entityType === 'Offer') return `/offers/${entityId}`;
  return null;
}

/**
 * An audit event's detail as key and value pairs to read: strings as they are, lists joined,
 * nested objects as compact JSON. A detail that is not an object is one pair with an empty key.
 */
export function detailEntries(detail: unknown): [string, string][] {
  if (detail === null || detail === undefined) return [];
  if (typeof detail !== 'object' || Array.isArray(detail)) return [['', valueText(detail)]];
  return Object.entries(detail as Record<string, unknown>).map(([key, value]) => [key, valueText(value)]);
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null))
    return value.map((item) => String(item)).join(', ');
  return JSON.stringify(value);
}
