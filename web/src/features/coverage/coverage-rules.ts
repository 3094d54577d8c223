/** The first year a PoA national report can date from (the API's FIRST_REPORT_YEAR in src/reports/report-year.ts). */
export const FIRST_REPORT_YEAR = 2001;

/** The figures each chart draws, in the order its bars stand in every group and in its legend. */
export const COVERAGE_SERIES = ['requestedUsd', 'approvedUsd', 'disbursedUsd', 'openNeeds'] as const;
export type CoverageSeries = (typeof COVERAGE_SERIES)[number];
export type CoverageFigures = Record<CoverageSeries, number>;

/** The money series share one scale; open needs are a count and get a scale of their own. */
export const MONEY_SERIES: readonly CoverageSeries[] = ['requestedUsd', 'approvedUsd', 'disbursedUsd'];

/** The dashboard as its address says (`/coverage?year=2022&region=002`), so a view can be bookmarked and shared. */
export interface CoverageQuery {
  year: string;
  region: string;
}

export function parseCoverageQuery(search: string, now: Date = new Date()): CoverageQuery {
  const params = new URLSearchParams(search);
  const year = params.get('year') ?? '';
  const region = params.get('region') ?? '';
  return {
    year: yearChoices(now).includes(Number(year)) && /^\d{4}$/.test(year) ? year : '',
    region: /^\d{3}$/.test(region) ? region : '',
  };
}

export function coverageSearch(query: CoverageQuery): string {
  const params = new URLSearchParams();
  if (query.year) params.set('year', query.year);
  if (query.region) params.set('region', query.region);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The API's arguments: absent when no filter is chosen. */
export function coverageVariables(query: CoverageQuery): { year?: number; region?: string } {
  return { ...(query.year ? { year: Number(query.year) } : {}), ...(query.region ? { region: query.region } : {}) };
}

/** Years the API accepts for a need, newest first: from next year (a report prepared ahead) back to the first report. */
export function yearChoices(now: Date = new Date()): number[] {
  const years: number[] = [];
  for (let year = now.getUTCFullYear() + 1; year >= FIRST_REPORT_YEAR; year--) years.push(year);
  return years;
}

/** The largest value on each scale of a chart, so every group's bars are drawn against the same length. */
export function chartScales(rows: readonly CoverageFigures[]): { money: number; count: number } {
  let money = 0;
  let count = 0;
  for (const row of rows) {
    for (const series of MONEY_SERIES) money = Math.max(money, row[series]);
    count = Math.max(count, row.openNeeds);
  }
  return { money, count };
}

/** A bar's length as a share of its scale's longest, in [0, 1]; an empty scale draws no bars. */
export function barShare(series: CoverageSeries, value: number, scales: { money: number; count: number }): number {
  const max = series === 'openNeeds' ? scales.count : scales.money;
  if (max <= 0 || value <= 0) return 0;
  return Math.min(1, value / max);
}
