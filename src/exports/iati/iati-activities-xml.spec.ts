import { budgetPeriods } from './iati-activities-xml';

describe('budgetPeriods', () => {
  it('cuts a multi-year allocation into periods of at most a year, sharing the money by days', () => {
    const periods = budgetPeriods('2025-03-01', '2027-02-15', 100000);
    expect(periods.map(({ start, end }) => [start, end])).toEqual([
      ['2025-03-01', '2026-02-28'],
      ['2026-03-01', '2027-02-15'],
    ]);
    expect(periods.reduce((sum, period) => sum + period.usd, 0)).toBe(100000);
    expect(periods[0].usd).toBeGreaterThan(periods[1].usd);
  });

  it('keeps a period within a year when a leap day falls in it', () => {
    expect(budgetPeriods('2028-02-29', '2029-03-31', 10).map(({ start, end }) => [start, end])).toEqual([
      ['2028-02-29', '2029-02-28'],
      ['2029-03-01', '2029-03-31'],
    ]);
  });

  it('gives a single day the whole amount', () => {
    expect(budgetPeriods('2026-01-01', '2026-01-01', 5)).toEqual([{ start: '2026-01-01', end: '2026-01-01', usd: 5 }]);
  });
});
