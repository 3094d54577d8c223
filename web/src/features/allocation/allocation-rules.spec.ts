import { describe, expect, it } from 'vitest';
import { balanceByRegion, EMPTY_OPTIONS, gainOverGreedy, planIsSettled, readOptions } from './allocation-rules';

describe('readOptions, as the API reads ProposeAllocationInput', () => {
  it('sends nothing for empty fields, so the API keeps its defaults', () => {
    expect(readOptions(EMPTY_OPTIONS, 'en')).toEqual({
      input: {},
      problems: [],
    });
  });

  it('turns per cent into shares and reads numbers as the reader writes them', () => {
    expect(
      readOptions(
        {
          minRegionShare: '10',
          maxCountryShare: '35,5',
          maxCountryUsd: '2 000 000',
          timeLimitSeconds: '0,5',
        },
        'fr',
      ),
    ).toEqual({
      input: {
        minRegionShare: 0.1,
        maxCountryShare: 0.355,
        maxCountryUsd: 2_000_000,
        timeLimitSeconds: 0.5,
      },
      problems: [],
    });
  });

  it('refuses what the API would, each on its own field', () => {
    expect(
      readOptions(
        {
          minRegionShare: '120',
          maxCountryShare: 'half',
          maxCountryUsd: '10.5',
          timeLimitSeconds: '61',
        },
        'en',
      ).problems,
    ).toEqual([
      { field: 'minRegionShare', rule: 'percentRange' },
      { field: 'maxCountryShare', rule: 'notNumber' },
      { field: 'maxCountryUsd', rule: 'wholeUsd' },
      { field: 'timeLimitSeconds', rule: 'secondsRange' },
    ]);
    expect(readOptions({ ...EMPTY_OPTIONS, maxCountryUsd: '-1', timeLimitSeconds: '0.05' }, 'en').problems).toEqual([
      { field: 'maxCountryUsd', rule: 'usdRange' },
      { field: 'timeLimitSeconds', rule: 'secondsRange' },
    ]);
  });

  it('accepts the bounds themselves', () => {
    expect(
      readOptions(
        {
          minRegionShare: '0',
          maxCountryShare: '100',
          maxCountryUsd: '1000000000',
          timeLimitSeconds: '60',
        },
        'en',
      ).problems,
    ).toEqual([]);
    expect(readOptions({ ...EMPTY_OPTIONS, timeLimitSeconds: '0.1' }, 'en').problems).toEqual([]);
  });
});

describe('balanceByRegion', () => {
  it('sums the plan per region, largest first, with each share of the whole', () => {
    const africa = { code: '002', name: 'Africa' };
    const americas = { code: '019', name: 'Americas' };
    expect(
      balanceByRegion([
        { allocatedUsd: 100, region: africa },
        { allocatedUsd: 300, region: americas },
        { allocatedUsd: 100, region: africa },
      ]),
    ).toEqual([
      { code: '019', name: 'Americas', usd: 300, pairs: 1, share: 0.6 },
      { code: '002', name: 'Africa', usd: 200, pairs: 2, share: 0.4 },
    ]);
    expect(balanceByRegion([])).toEqual([]);
  });
});

describe('planIsSettled and gainOverGreedy', () => {
  it('follow a plan until the solver has spoken', () => {
    expect(['QUEUED', 'RUNNING', 'READY', 'FAILED', 'APPLIED'].map((status) => planIsSettled(status as never))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('compare the plan with greedy', () => {
    expect(gainOverGreedy(165_000, 100_000)).toBeCloseTo(0.65);
    expect(gainOverGreedy(100, 0)).toBeNull();
    expect(gainOverGreedy(null, 100)).toBeNull();
  });
});
