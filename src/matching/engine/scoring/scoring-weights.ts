import { BadUserInputError, FieldProblem } from '../../../common/errors/domain-errors';
import { FACTOR_NAMES, FactorName, ScoringWeights } from './types';

/**
 * Default weights; only their ratios matter, they sum to 1 so each reads as a share of the score.
 *
 * | factor    | weight | why                                                                   |
 * | --------- | -----: | --------------------------------------------------------------------- |
 * | theme     |   0.30 | an offer that does not address what is asked for is no help           |
 * | region    |   0.20 | offers aimed at the country or its neighbourhood before global ones   |
 * | capacity  |   0.20 | prefer offers that can carry the unfunded remainder                   |
 * | ownership |   0.10 | needs from national reports / action plans (000 para 4, 14, 85)       |
 * | gender    |   0.05 | gender component, when the offer asks for one (002 para 70)           |
 * | baseline  |   0.05 | baseline assessment done, so the need is well founded (000 para 89)   |
 * | multiYear |   0.05 | multi-year support is asked for explicitly (000 para 86)              |
 * | conflict  |   0.05 | reach the places most affected by armed violence (002 para 54)        |
 */
export const DEFAULT_WEIGHTS: Readonly<ScoringWeights> = Object.freeze({
  theme: 0.3,
  region: 0.2,
  capacity: 0.2,
  ownership: 0.1,
  gender: 0.05,
  baseline: 0.05,
  multiYear: 0.05,
  conflict: 0.05,
});

/** Overrides as they arrive from a client: a missing or null weight keeps its default. */
export type WeightOverrides = Partial<Record<FactorName, number | null>>;

/**
 * Merges overrides with the defaults and refuses weights that cannot rank pairs: negative, NaN or
 * infinite ones, unknown factors, and sets where nothing but gender is positive (gender only counts
 * for offers that ask for it, so it cannot rank the others on its own).
 */
export function resolveWeights(overrides?: WeightOverrides | null): ScoringWeights {
  const weights: ScoringWeights = { ...DEFAULT_WEIGHTS };
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(overrides ?? {})) {
    const field = `weights.${name}`;
    if (!isFactorName(name)) {
      problems.push({ field, message: `Unknown factor; expected one of ${FACTOR_NAMES.join(', ')}.` });
    } else if (value === null || value === undefined) {
      continue;
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ field, message: 'A weight must be a finite number.' });
    } else if (value < 0) {
      problems.push({ field, message: 'A weight cannot be negative.' });
    } else {
      weights[name] = value;
    }
  }
  if (problems.length === 0 && FACTOR_NAMES.every((name) => name === 'gender' || weights[name] === 0)) {
    problems.push({
      field: 'weights',
      message: 'At least one weight other than gender must be positive.',
    });
  }
  if (problems.length > 0) {
    throw new BadUserInputError(`Invalid scoring weights: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`, problems);
  }
  return weights;
}

function isFactorName(name: string): name is FactorName {
  return (FACTOR_NAMES as readonly string[]).includes(name);
}
