import { describe, expect, it } from 'vitest';
import { FACTORS, runIsFinished, sameWeights, shareOf, weightProblems, type Weights } from './weights-rules';

const DEFAULTS: Weights = {
  theme: 0.3,
  region: 0.2,
  capacity: 0.2,
  ownership: 0.1,
  gender: 0.05,
  baseline: 0.05,
  multiYear: 0.05,
  conflict: 0.05,
};
const zero = (): Weights => Object.fromEntries(FACTORS.map((factor) => [factor, 0])) as Weights;

describe('weightProblems, as the API resolves weights', () => {
  it('accepts the defaults and any set with a positive factor other than gender', () => {
    expect(weightProblems(DEFAULTS)).toEqual([]);
    expect(weightProblems({ ...zero(), conflict: 0.01 })).toEqual([]);
  });

  it('refuses a set where nothing but gender counts', () => {
    expect(weightProblems(zero())).toEqual([{ field: 'weights', rule: 'nothingButGender' }]);
    expect(weightProblems({ ...zero(), gender: 1 })).toEqual([{ field: 'weights', rule: 'nothingButGender' }]);
  });

  it('refuses negative and non-finite weights on their own field', () => {
    expect(
      weightProblems({
        ...DEFAULTS,
        region: -0.1,
        baseline: Number.NaN,
        theme: Number.POSITIVE_INFINITY,
      }),
    ).toEqual([
      { field: 'theme', rule: 'notFinite' },
      { field: 'region', rule: 'negative' },
      { field: 'baseline', rule: 'notFinite' },
    ]);
  });
});

describe('shareOf', () => {
  it('is each weight over the sum, so only the ratios matter', () => {
    expect(shareOf(DEFAULTS, 'theme')).toBeCloseTo(0.3);
    const doubled = Object.fromEntries(FACTORS.map((factor) => [factor, DEFAULTS[factor] * 2])) as Weights;
    for (const factor of FACTORS) expect(shareOf(doubled, factor)).toBeCloseTo(shareOf(DEFAULTS, factor));
  });

  it('is 0 when every weight is 0', () => {
    expect(shareOf(zero(), 'theme')).toBe(0);
  });
});

describe('sameWeights and runIsFinished', () => {
  it('compare every factor', () => {
    expect(sameWeights(DEFAULTS, { ...DEFAULTS })).toBe(true);
    expect(sameWeights(DEFAULTS, { ...DEFAULTS, conflict: 0.06 })).toBe(false);
  });

  it('stop following a run once it succeeded or failed', () => {
    expect(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'].map((status) => runIsFinished(status as never))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
