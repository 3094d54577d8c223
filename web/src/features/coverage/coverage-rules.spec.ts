import { describe, expect, it } from 'vitest';
import { barShare, chartScales, coverageSearch, coverageVariables, parseCoverageQuery, yearChoices } from './coverage-rules';

const NOW = new Date('2026-03-01T00:00:00Z');

describe('the dashboard address', () => {
  it('keeps a year the API accepts and a three-digit M49 code, and drops anything else', () => {
    expect(parseCoverageQuery('?year=2022&region=002', NOW)).toEqual({ year: '2022', region: '002' });
    expect(parseCoverageQuery('?year=1999&region=Africa', NOW)).toEqual({ year: '', region: '' });
    expect(parseCoverageQuery('?year=2028', NOW)).toEqual({ year: '', region: '' });
    expect(parseCoverageQuery('', NOW)).toEqual({ year: '', region: '' });
  });

  it('writes only the filters chosen, and sends the API only those', () => {
    expect(coverageSearch({ year: '', region: '' })).toBe('');
    expect(coverageSearch({ year: '2022', region: '014' })).toBe('?year=2022&region=014');
    expect(coverageVariables({ year: '', region: '' })).toEqual({});
    expect(coverageVariables({ year: '2022', region: '' })).toEqual({ year: 2022 });
  });

  it('offers the years from next year back to 2001, newest first', () => {
    const years = yearChoices(NOW);
    expect(years[0]).toBe(2027);
    expect(years.at(-1)).toBe(2001);
    expect(years).toHaveLength(27);
  });
});

describe('bar lengths', () => {
  const rows = [
    { requestedUsd: 400, approvedUsd: 100, disbursedUsd: 50, openNeeds: 2 },
    { requestedUsd: 200, approvedUsd: 300, disbursedUsd: 0, openNeeds: 8 },
  ];

  it('draws the money on one scale and the open needs on their own', () => {
    const scales = chartScales(rows);
    expect(scales).toEqual({ money: 400, count: 8 });
    expect(barShare('approvedUsd', 300, scales)).toBe(0.75);
    expect(barShare('openNeeds', 2, scales)).toBe(0.25);
  });

  it('draws nothing for zero and for an empty chart', () => {
    expect(barShare('disbursedUsd', 0, chartScales(rows))).toBe(0);
    expect(barShare('requestedUsd', 0, chartScales([]))).toBe(0);
  });
});
