import { BadUserInputError } from '../../../common/errors/domain-errors';
import { DEFAULT_WEIGHTS, resolveWeights } from './scoring-weights';
import { FACTOR_NAMES } from './types';

function problemFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).fields.map((problem) => problem.field);
  }
  throw new Error('expected the weights to be refused');
}

describe('DEFAULT_WEIGHTS', () => {
  it('sums to 1, with theme, region and capacity carrying most of the score', () => {
    const total = FACTOR_NAMES.reduce((sum, name) => sum + DEFAULT_WEIGHTS[name], 0);
    expect(total).toBeCloseTo(1, 12);
    expect(DEFAULT_WEIGHTS.theme + DEFAULT_WEIGHTS.region + DEFAULT_WEIGHTS.capacity).toBeGreaterThan(0.5);
    for (const secondary of ['ownership', 'gender', 'baseline', 'multiYear', 'conflict'] as const) {
      expect(DEFAULT_WEIGHTS[secondary]).toBeLessThan(DEFAULT_WEIGHTS.capacity);
    }
  });
});

describe('resolveWeights', () => {
  it('returns the defaults when nothing is overridden', () => {
    expect(resolveWeights()).toEqual(DEFAULT_WEIGHTS);
    expect(resolveWeights(null)).toEqual(DEFAULT_WEIGHTS);
  });

  it('merges overrides, keeping defaults for missing or null weights', () => {
    expect(resolveWeights({ theme: 2, region: null, conflict: 0 })).toEqual({ ...DEFAULT_WEIGHTS, theme: 2, conflict: 0 });
  });

  it('returns a fresh object the caller may change without touching the defaults', () => {
    const weights = resolveWeights();
    weights.theme = 5;
    expect(DEFAULT_WEIGHTS.theme).toBe(0.3);
  });

  it.each([
    ['negative', -0.1],
    ['NaN', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('refuses a %s weight with its field path', (_, value) => {
    expect(problemFields(() => resolveWeights({ region: value }))).toEqual(['weights.region']);
  });

  it('reports every bad weight at once, and unknown factors too', () => {
    const fields = problemFields(() => resolveWeights({ theme: -1, capacity: Number.NaN, luck: 1 } as never));
    expect(fields).toEqual(['weights.theme', 'weights.capacity', 'weights.luck']);
  });

  it('refuses a value that is not a number', () => {
    expect(problemFields(() => resolveWeights({ theme: '1' as unknown as number }))).toEqual(['weights.theme']);
  });

  it('refuses all-zero weights', () => {
    const allZero = Object.fromEntries(FACTOR_NAMES.map((name) => [name, 0]));
    expect(problemFields(() => resolveWeights(allZero))).toEqual(['weights']);
  });

  it('refuses gender as the only positive weight, since it does not count for every pair', () => {
    const genderOnly = Object.fromEntries(FACTOR_NAMES.map((name) => [name, name === 'gender' ? 1 : 0]));
    expect(problemFields(() => resolveWeights(genderOnly))).toEqual(['weights']);
  });

  it('accepts a single positive weight other than gender', () => {
    const themeOnly = Object.fromEntries(FACTOR_NAMES.map((name) => [name, name === 'theme' ? 1 : 0]));
    expect(resolveWeights(themeOnly).theme).toBe(1);
  });
});
