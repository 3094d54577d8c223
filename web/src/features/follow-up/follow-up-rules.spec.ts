import { describe, expect, it } from 'vitest';
import { daysSilent, DEFAULT_OVERDUE_DAYS, detailEntries, parseDays, recordPath } from './follow-up-rules';

describe('parseDays', () => {
  it('takes a whole number of days from 1 to 3650, 180 by default', () => {
    expect(DEFAULT_OVERDUE_DAYS).toBe(180);
    expect(parseDays(' 90 ')).toEqual({ days: 90 });
    expect(parseDays('3650')).toEqual({ days: 3650 });
  });

  it('says why the API would refuse the rest', () => {
    expect(parseDays('')).toEqual({ problem: 'required' });
    expect(parseDays('1.5')).toEqual({ problem: 'wholeNumber' });
    expect(parseDays('-3')).toEqual({ problem: 'wholeNumber' });
    expect(parseDays('0')).toEqual({ problem: 'range' });
    expect(parseDays('3651')).toEqual({ problem: 'range' });
  });
});

describe('daysSilent', () => {
  const now = new Date('2026-06-30T12:00:00Z');
  it('counts from the last report or the last change, whichever came later', () => {
    expect(daysSilent('2026-01-01T12:00:00Z', '2025-06-01T00:00:00Z', now)).toBe(180);
    expect(daysSilent(null, '2026-06-20T12:00:00Z', now)).toBe(10);
    expect(daysSilent('2026-06-01T12:00:00Z', '2026-06-20T12:00:00Z', now)).toBe(10);
  });
});

describe('recordPath', () => {
  it('links needs and offers to their pages, and nothing else', () => {
    expect(recordPath('Need', 'a')).toBe('/needs/a');
    expect(recordPath('Offer', 'b')).toBe('/offers/b');
    expect(recordPath('Match', 'c')).toBeNull();
  });
});

describe('detailEntries', () => {
  it('reads an audit detail as key and value pairs', () => {
    expect(
      detailEntries({ reason: 'Out of scope', allocatedUsd: 120000, themes: ['GENDER', 'DDR'], from: { status: 'PROPOSED' }, note: null }),
    ).toEqual([
      ['reason', 'Out of scope'],
      ['allocatedUsd', '120000'],
      ['themes', 'GENDER, DDR'],
      ['from', '{"status":"PROPOSED"}'],
      ['note', '—'],
    ]);
    expect(detailEntries(null)).toEqual([]);
    expect(detailEntries('plain')).toEqual([['', 'plain']]);
  });
});
