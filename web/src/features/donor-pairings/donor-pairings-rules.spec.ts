import { describe, expect, it } from 'vitest';
import { disbursedOf, pairingTotals, reportsNewestFirst } from './donor-pairings-rules';

describe('a donor pairing', () => {
  it('has disbursed the sum of its progress reports', () => {
    expect(disbursedOf({ status: 'ACTIVE', allocatedUsd: 100, progressReports: [{ disbursedUsd: 30 }, { disbursedUsd: 25 }] })).toBe(55);
    expect(disbursedOf({ status: 'APPROVED', allocatedUsd: 100, progressReports: [] })).toBe(0);
  });
});

describe('the totals of a donor pairings', () => {
  it('count approved money still committed and all money disbursed', () => {
    expect(
      pairingTotals([
        { status: 'APPROVED', allocatedUsd: 50_000, progressReports: [] },
        { status: 'ACTIVE', allocatedUsd: 120_000, progressReports: [{ disbursedUsd: 40_000 }, { disbursedUsd: 10_000 }] },
        { status: 'COMPLETED', allocatedUsd: 30_000, progressReports: [{ disbursedUsd: 30_000 }] },
      ]),
    ).toEqual({ approvedUsd: 200_000, disbursedUsd: 80_000 });
  });

  it('leave out the allocation a state declined, and a pairing without one', () => {
    expect(
      pairingTotals([
        { status: 'DECLINED', allocatedUsd: 75_000, progressReports: [] },
        { status: 'CONFIRMED', allocatedUsd: null, progressReports: [] },
        { status: 'CONFIRMED', allocatedUsd: 5, progressReports: [] },
      ]),
    ).toEqual({ approvedUsd: 5, disbursedUsd: 0 });
    expect(pairingTotals([])).toEqual({ approvedUsd: 0, disbursedUsd: 0 });
  });
});

describe('progress reports', () => {
  it('are listed newest period first, the later filing first within a period', () => {
    const reports = [
      { id: 'a', periodEnd: '2026-03-31', createdAt: '2026-04-02T10:00:00Z' },
      { id: 'b', periodEnd: '2026-09-30', createdAt: '2026-10-01T10:00:00Z' },
      { id: 'c', periodEnd: '2026-03-31', createdAt: '2026-04-05T10:00:00Z' },
    ];
    expect(reportsNewestFirst(reports).map((report) => report.id)).toEqual(['b', 'c', 'a']);
    expect(reports.map((report) => report.id)).toEqual(['a', 'b', 'c']);
  });
});
