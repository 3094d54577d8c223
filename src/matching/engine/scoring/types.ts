/**
 * Plain inputs and outputs of the scoring engine. Callers map entities to these shapes; nothing here
 * knows about the database, the queue or GraphQL.
 */

import type { EligibilityBasis } from './region-fit';

export const ASSISTANCE_TYPES = ['FINANCIAL', 'TECHNICAL_EXPERTISE', 'EQUIPMENT', 'TRAINING', 'TECHNOLOGY_TRANSFER'] as const;

export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** What the engine needs to know about a need. */
export interface NeedForScoring {
  id: string;
  countryIso3: string;
  /** M49 codes enclosing the country, most specific first: [intermediate region?, sub-region, region]. */
  regionCodes: readonly string[];
  /** Theme codes only (never group codes). */
  themeCodes: readonly string[];
  assistanceTypes: readonly AssistanceType[];
  /** Estimated budget minus what is already funded. */
  unfundedUsd: number;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  fromNationalReport: boolean;
  nationalActionPlan: boolean;
  genderComponent: boolean;
  baselineAssessment: boolean;
  multiYear: boolean;
  conflictAffected: boolean;
}

/** What the engine needs to know about an offer. */
export interface OfferForScoring {
  id: string;
  /** Theme codes and group codes; a group code covers every theme in the group. */
  themeCodes: readonly string[];
  assistanceTypes: readonly AssistanceType[];
  eligibleCountryIso3s: readonly string[];
  /** M49 codes at any level; "001" (World) counts as global. */
  eligibleRegionCodes: readonly string[];
  global: boolean;
  remainingCapacityUsd: number;
  minGrantUsd: number | null;
  maxGrantUsd: number | null;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  requiresGenderComponent: boolean;
}

/** One row of the theme taxonomy: a group has no parent, a theme names its group. */
export interface ThemeEntry {
  code: string;
  parentCode: string | null;
  label: string;
}

export const FACTOR_NAMES = ['theme', 'region', 'capacity', 'ownership', 'gender', 'baseline', 'multiYear', 'conflict'] as const;

export type FactorName = (typeof FACTOR_NAMES)[number];

/** Relative importance of each factor; every weight is ≥ 0 and at least one of them is positive. */
export type ScoringWeights = Record<FactorName, number>;

/**
 * Each factor in [0, 1]. `gender` is null when the offer shows no interest in gender: the factor then
 * stays out of the weighted mean for that pair (see pair-scorer.ts).
 */
export interface ScoreBreakdown {
  theme: number;
  region: number;
  capacity: number;
  ownership: number;
  gender: number | null;
  baseline: number;
  multiYear: number;
  conflict: number;
}

export interface PairScore {
  needId: string;
  offerId: string;
  /** Weighted mean of the factors that count for this pair, in [0, 1]. */
  score: number;
  breakdown: ScoreBreakdown;
  /** One English line saying why the pair fits. */
  explanation: string;
}

/** Secondary facts about a need that raised a pair's score, named in its explanation. */
export const PAIR_FACTS = [
  'NATIONAL_REPORT',
  'NATIONAL_ACTION_PLAN',
  'GENDER_COMPONENT',
  'REQUIRED_GENDER_COMPONENT',
  'BASELINE_ASSESSMENT',
  'MULTI_YEAR',
  'CONFLICT_AFFECTED',
] as const;

export type PairFact = (typeof PAIR_FACTS)[number];

/** Which of a need's themes an offer covers, by code. */
export interface ThemeCoverage {
  /** How many themes the need has. */
  themeCount: number;
  /** The need's themes the offer names itself, in taxonomy order. */
  named: string[];
  /** The need's themes the offer covers only by naming their group, by group. */
  throughGroups: { groupCode: string; themeCodes: string[] }[];
}

/**
 * Why a pair fits, as facts rather than words, so that a reader's own language can word them: the
 * explanation line says the same in English.
 */
export interface PairReasons {
  themes: ThemeCoverage;
  /** How the need's country qualifies: the basis and the ISO3 or M49 code the offer lists (null: worldwide). */
  eligibility: { basis: EligibilityBasis; code: string | null };
  /** Share of the need's unfunded remainder one grant can carry, in [0, 1]; null when the pair fails a hard filter now. */
  capacityShare: number | null;
  unfundedUsd: number;
  facts: PairFact[];
}

/** Names used in explanations; without them the codes themselves are shown. */
export interface PlaceNames {
  regionName?: (m49Code: string) => string | undefined;
  countryName?: (iso3: string) => string | undefined;
}

export interface ScoreAllOptions {
  /** Most matches kept per need (a positive integer). */
  topK: number;
  /** Matches scoring below this are dropped; defaults to 0. */
  minScore?: number;
  placeNames?: PlaceNames;
}

export interface ScoreAgainstNeedsOptions {
  minScore?: number;
  placeNames?: PlaceNames;
}

/** Counts for run statistics. */
export interface ScoringStats {
  /** Every (need, offer) pair of the run: needs × offers. */
  pairsConsidered: number;
  /** Pairs the eligibility index let through and whose filters were checked one by one. */
  pairsExamined: number;
  /** Pairs that passed every hard filter and were scored. */
  pairsPassingFilters: number;
  /** Matches returned (after minScore and topK). */
  matchesKept: number;
}

export interface ScoringResult {
  /**
   * Grouped by need in input order; within a need, best first (ties: offer id ascending). For one
   * offer against needs: best first (ties: need id ascending).
   */
  matches: PairScore[];
  stats: ScoringStats;
}
