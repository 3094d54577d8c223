import { needYear, PairingMoney, summariseMoney } from './financial-summary';

const pairing = (overrides: Partial<PairingMoney>): PairingMoney => ({
  donorId: 'donor-a',
  countryIso3: 'SEN',
  year: 2024,
  cycleYear: 2024,
  approvedUsd: 100_000,
  disbursedUsd: 0,
  lastReportAt: null,
  ...overrides,
});

describe('summariseMoney', () => {
  it('adds approved and disbursed money per donor, per state, per year and per cycle, and in all', () => {
    const summary = summariseMoney([
      pairing({ approvedUsd: 100_000, disbursedUsd: 40_000, lastReportAt: new Date('2025-03-01T00:00:00Z') }),
      pairing({ donorId: 'donor-b', approvedUsd: 50_000, disbursedUsd: 50_000, lastReportAt: new Date('2025-06-01T00:00:00Z') }),
      pairing({ countryIso3: 'NGA', year: 2025, cycleYear: 2026, approvedUsd: 30_000 }),
    ]);
    expect(summary.totals).toEqual({
      pairings: 3,
      approvedUsd: 180_000,
      disbursedUsd: 90_000,
      pairingsNeverReported: 1,
      lastReportAt: new Date('2025-06-01T00:00:00Z'),
    });
    expect(summary.byDonor.get('donor-a')).toMatchObject({ pairings: 2, approvedUsd: 130_000, disbursedUsd: 40_000, pairingsNeverReported: 1 });
    expect(summary.byDonor.get('donor-b')).toMatchObject({ pairings: 1, approvedUsd: 50_000, pairingsNeverReported: 0 });
    expect(summary.byCountry.get('SEN')).toMatchObject({ pairings: 2, approvedUsd: 150_000, disbursedUsd: 90_000 });
    expect(summary.byCountry.get('NGA')).toMatchObject({ pairings: 1, lastReportAt: null });
    expect([...summary.byYear.keys()]).toEqual([2024, 2025]);
    expect(summary.byCycle.get(2024)).toMatchObject({ pairings: 2, approvedUsd: 150_000 });
    expect(summary.byCycle.get(2026)).toMatchObject({ pairings: 1, approvedUsd: 30_000 });
  });

  it('is all zeros with no pairing', () => {
    expect(summariseMoney([]).totals).toEqual({ pairings: 0, approvedUsd: 0, disbursedUsd: 0, pairingsNeverReported: 0, lastReportAt: null });
  });
});

describe('needYear', () => {
  it("is the national report's year when the need was drawn from one, else the year it was filed in UTC", () => {
    expect(needYear(2022, new Date('2024-05-01T00:00:00Z'))).toBe(2022);
    expect(needYear(null, new Date('2025-12-31T23:30:00-02:00'))).toBe(2026);
  });
});
