import type { AllocationPlanStatus, AllocationSolveStatus } from '../../gql/enums';
import type { Locale } from '../../i18n/locales';
import type { MessageId } from '../../i18n/message-ids';
import { MAX_AMOUNT_USD, parseNumber, parseWholeUsd } from '../pairings/progress-rules';

/** The API's limits on ProposeAllocationInput (propose-allocation.input.ts). */
export const MIN_SOLVE_SECONDS = 0.1;
export const MAX_SOLVE_SECONDS = 60;
export const DEFAULT_SOLVE_SECONDS = 30;

/** The API's input paths, which its refusals name and the error summary links from. */
export const OPTION_FIELDS = {
  minRegionShare: 'input.minRegionShare',
  maxCountryShare: 'input.maxCountryShare',
  maxCountryUsd: 'input.maxCountryUsd',
  timeLimitSeconds: 'input.timeLimitSeconds',
} as const;
export type OptionName = keyof typeof OPTION_FIELDS;

/** The form as typed: shares in per cent (as people say them), the rest as written; empty means "no limit" or the default. */
export type OptionsForm = Record<OptionName, string>;
export const EMPTY_OPTIONS: OptionsForm = {
  minRegionShare: '',
  maxCountryShare: '',
  maxCountryUsd: '',
  timeLimitSeconds: '',
};

export type OptionRule = 'notNumber' | 'percentRange' | 'wholeUsd' | 'usdRange' | 'secondsRange';
export interface OptionProblem {
  field: OptionName;
  rule: OptionRule;
}

export interface ProposeInput {
  minRegionShare?: number;
  maxCountryShare?: number;
  maxCountryUsd?: number;
  timeLimitSeconds?: number;
}

function percent(text: string, locale: Locale): number | OptionRule | null {
  if (!text.trim()) return null;
  const value = parseNumber(text, locale);
  if (value === null) return 'notNumber';
  return value < 0 || value > 100 ? 'percentRange' : value / 100;
}

function dollars(text: string, locale: Locale): number | OptionRule | null {
  if (!text.trim()) return null;
  const value = parseWholeUsd(text, locale);
  if (value === null) return parseNumber(text, locale) === null ? 'notNumber' : 'wholeUsd';
  return value < 0 || value > MAX_AMOUNT_USD ? 'usdRange' : value;
}

function seconds(text: string, locale: Locale): number | OptionRule | null {
  if (!text.trim()) return null;
  const value = parseNumber(text, locale);
  if (value === null) return 'notNumber';
  return value < MIN_SOLVE_SECONDS || value > MAX_SOLVE_SECONDS ? 'secondsRange' : value;
}

/**
 * Reads the form as the API will (every option optional; shares 0–1, sent from the per cent typed;
 * a whole number of dollars up to the API's largest amount; a time budget of 0.1–60 seconds), and
 * says what it would refuse.
 */
export function readOptions(form: OptionsForm, locale: Locale): { input: ProposeInput; problems: OptionProblem[] } {
  const read: Record<OptionName, number | OptionRule | null> = {
    minRegionShare: percent(form.minRegionShare, locale),
    maxCountryShare: percent(form.maxCountryShare, locale),
    maxCountryUsd: dollars(form.maxCountryUsd, locale),
    timeLimitSeconds: seconds(form.timeLimitSeconds, locale),
  };
  const input: ProposeInput = {};
  const problems: OptionProblem[] = [];
  for (const name of Object.keys(read) as OptionName[]) {
    const value = read[name];
    if (typeof value === 'string') problems.push({ field: name, rule: value });
    else if (value !== null) input[name] = value;
  }
  return { input, problems };
}

/** Polling stops once the solver has nothing more to say. */
export function planIsSettled(status: AllocationPlanStatus): boolean {
  return status !== 'QUEUED' && status !== 'RUNNING';
}

/** How much better the plan does than greedy, as a share of greedy (null when greedy reached nothing). */
export function gainOverGreedy(objective: number | null | undefined, greedyObjective: number | null | undefined): number | null {
  if (objective === null || objective === undefined || !greedyObjective) return null;
  return objective / greedyObjective - 1;
}

export interface FundedPair {
  allocatedUsd: number;
  region: { code: string; name: string } | null;
}

export interface RegionBalance {
  code: string;
  name: string;
  usd: number;
  pairs: number;
  share: number;
}

/** US dollars of the plan per M49 region of the needs' countries, largest first, each with its share of the plan. */
export function balanceByRegion(pairs: readonly FundedPair[]): RegionBalance[] {
  const total = pairs.reduce((sum, pair) => sum + pair.allocatedUsd, 0);
  const regions = new Map<string, RegionBalance>();
  for (const pair of pairs) {
    if (!pair.region) continue;
    const region = regions.get(pair.region.code) ?? {
      code: pair.region.code,
      name: pair.region.name,
      usd: 0,
      pairs: 0,
      share: 0,
    };
    region.usd += pair.allocatedUsd;
    region.pairs += 1;
    regions.set(region.code, region);
  }
  return [...regions.values()]
    .map((region) => ({ ...region, share: total > 0 ? region.usd / total : 0 }))
    .sort((a, b) => b.usd - a.usd || a.code.localeCompare(b.code));
}

export const PLAN_STATUS_LABELS: Record<AllocationPlanStatus, MessageId> = {
  QUEUED: 'allocation.status.QUEUED',
  RUNNING: 'allocation.status.RUNNING',
  READY: 'allocation.status.READY',
  FAILED: 'allocation.status.FAILED',
  APPLIED: 'allocation.status.APPLIED',
};

export const SOLVE_STATUS_LABELS: Record<AllocationSolveStatus, MessageId> = {
  OPTIMAL: 'allocation.solveStatus.OPTIMAL',
  INFEASIBLE: 'allocation.solveStatus.INFEASIBLE',
  TIME_LIMIT: 'allocation.solveStatus.TIME_LIMIT',
  SOLVER_ERROR: 'allocation.solveStatus.SOLVER_ERROR',
};

export const OPTION_RULE_MESSAGES: Record<OptionRule, MessageId> = {
  notNumber: 'allocation.rule.notNumber',
  percentRange: 'allocation.rule.percentRange',
  wholeUsd: 'allocation.rule.wholeUsd',
  usdRange: 'allocation.rule.usdRange',
  secondsRange: 'allocation.rule.secondsRange',
};
