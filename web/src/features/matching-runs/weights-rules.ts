import type { MatchingRunStatus } from '../../gql/enums';
import type { MessageId } from '../../i18n/message-ids';

/** The scoring factors, in the order the API and its README list them. */
export const FACTORS = ['theme', 'region', 'capacity', 'ownership', 'gender', 'baseline', 'multiYear', 'conflict'] as const;
export type Factor = (typeof FACTORS)[number];
export type Weights = Record<Factor, number>;

/** Sliders go from 0 to 1 in hundredths: only the ratios matter, so a larger scale would add nothing. */
export const WEIGHT_MAX = 1;
export const WEIGHT_STEP = 0.01;

export const FACTOR_LABELS: Record<Factor, MessageId> = {
  theme: 'matching-runs.factor.theme',
  region: 'matching-runs.factor.region',
  capacity: 'matching-runs.factor.capacity',
  ownership: 'matching-runs.factor.ownership',
  gender: 'matching-runs.factor.gender',
  baseline: 'matching-runs.factor.baseline',
  multiYear: 'matching-runs.factor.multiYear',
  conflict: 'matching-runs.factor.conflict',
};

export const FACTOR_HINTS: Record<Factor, MessageId> = {
  theme: 'matching-runs.factorHint.theme',
  region: 'matching-runs.factorHint.region',
  capacity: 'matching-runs.factorHint.capacity',
  ownership: 'matching-runs.factorHint.ownership',
  gender: 'matching-runs.factorHint.gender',
  baseline: 'matching-runs.factorHint.baseline',
  multiYear: 'matching-runs.factorHint.multiYear',
  conflict: 'matching-runs.factorHint.conflict',
};

export const RUN_STATUS_LABELS: Record<MatchingRunStatus, MessageId> = {
  QUEUED: 'matching-runs.status.QUEUED',
  RUNNING: 'matching-runs.status.RUNNING',
  SUCCEEDED: 'matching-runs.status.SUCCEEDED',
  FAILED: 'matching-runs.status.FAILED',
};

/** What is wrong with a set of weights, as the API's resolveWeights would refuse it. */
export type WeightProblem = { field: Factor; rule: 'notFinite' | 'negative' } | { field: 'weights'; rule: 'nothingButGender' };

/**
 * The API's rules (scoring-weights.ts): each weight a finite number, none negative, and at least one
 * factor other than gender positive (gender only counts for offers that ask for it, so it cannot rank
 * the other pairs on its own).
 */
export function weightProblems(weights: Weights): WeightProblem[] {
  const problems: WeightProblem[] = [];
  for (const factor of FACTORS) {
    const value = weights[factor];
    if (!Number.isFinite(value)) problems.push({ field: factor, rule: 'notFinite' });
    else if (value < 0) problems.push({ field: factor, rule: 'negative' });
  }
  if (!problems.length && FACTORS.every((factor) => factor === 'gender' || weights[factor] === 0))
    problems.push({ field: 'weights', rule: 'nothingButGender' });
  return problems;
}

/** Each factor's part of the whole score (the API divides by the sum), 0 when every weight is 0. */
export function shareOf(weights: Weights, factor: Factor): number {
  const total = FACTORS.reduce((sum, name) => sum + (Number.isFinite(weights[name]) && weights[name] > 0 ? weights[name] : 0), 0);
  return total > 0 && weights[factor] > 0 ? weights[factor] / total : 0;
}

export function sameWeights(a: Weights, b: Weights): boolean {
  return FACTORS.every((factor) => a[factor] === b[factor]);
}

/** Polling stops once the run can change no more. */
export function runIsFinished(status: MatchingRunStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED';
}
