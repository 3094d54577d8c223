import { PreparedNeed, PreparedOffer } from './prepared-forms';
import { Eligibility } from './region-fit';
import { PairFact, PairReasons, PlaceNames, ScoringWeights, ThemeCoverage } from './types';

/** "can fund N% of the remaining USD ", for every whole percentage; ready-made so no pair builds one. */
const CAPACITY_PREFIXES = Array.from({ length: 100 }, (_, percent) =>
  percent === 0 ? 'can fund under 1% of the remaining USD ' : `can fund ${percent}% of the remaining USD `,
);
const FULL_CAPACITY_PREFIX = 'can fund all of the remaining USD ';

/** 3^18 < 2^30: a coverage key for up to 18 themes stays a small integer, cheap to hash. */
const MAX_CACHED_THEMES = 18;

/**
 * Writes the one English line on why a pair fits, e.g. "covers 2 of 3 themes (stockpile management,
 * marking); eligible as Western Africa; can fund 80% of the remaining USD 250,000; also: drawn from a
 * national report, conflict-affected". Secondary facts are named only when they raised the score.
 *
 * A full run explains ~100,000 winners that share few distinct theme sets, places, amounts and
 * facts, so one explainer per run keeps every phrase it writes (keyed by strings and numbers the
 * prepared forms already hold) and a line costs a few lookups and four concatenations.
 */
export class PairExplainer {
  private readonly themePhrases = new Map<string, Map<number, string>>();
  private readonly eligibilityPhrases = new Map<string | null, string>();
  private readonly amounts = new Map<number, string>();
  private readonly factPhrases = new Map<number, string>();

  constructor(
    private readonly weights: ScoringWeights,
    private readonly placeNames: PlaceNames,
  ) {}

  explain(need: PreparedNeed, offer: PreparedOffer, eligibility: Eligibility, capacityFit: number): string {
    const capacityPrefix = capacityFit >= 1 ? FULL_CAPACITY_PREFIX : CAPACITY_PREFIXES[Math.floor(capacityFit * 100)];
    return (
      this.themePhrase(need, offer) +
      this.eligibilityPhrase(eligibility) +
      capacityPrefix +
      cached(this.amounts, need.unfundedUsd, () => formatAmount(need.unfundedUsd)) +
      this.factPhrase(need, offer)
    );
  }

  /**
   * "covers … (…); ". Keyed by the need's theme set, then by how the offer meets each of those themes
   * (0 not covered, 1 through a group, 2 named) read as a base-3 number: offers rarely share theme
   * sets, but the way they meet a given need's themes repeats a lot.
   */
  private themePhrase(need: PreparedNeed, offer: PreparedOffer): string {
    const { themeBits } = need;
    if (themeBits.length > MAX_CACHED_THEMES) return `${describeThemes(need, offer)}; `;
    let coverage = 0;
    for (const bit of themeBits) {
      const named = hasBit(offer.exactLo, offer.exactHi, bit);
      coverage = coverage * 3 + (named ? 2 : hasBit(offer.coverLo, offer.coverHi, bit) ? 1 : 0);
    }
    const forNeed = cached(this.themePhrases, need.themeKey, () => new Map<number, string>());
    return cached(forNeed, coverage, () => `${describeThemes(need, offer)}; `);
  }

  /** "eligible as …; " */
  private eligibilityPhrase(eligibility: Eligibility): string {
    return cached(this.eligibilityPhrases, eligibility.code, () => `${describeEligibility(eligibility, this.placeNames)}; `);
  }

  /** "; also: …", or nothing. */
  private factPhrase(need: PreparedNeed, offer: PreparedOffer): string {
    return cached(this.factPhrases, factBitsOf(need, offer), (factBits) => {
      const facts = factsOf(factBits, this.weights);
      return facts.length === 0 ? '' : `; also: ${facts.map((fact) => FACT_PHRASES[fact]).join(', ')}`;
    });
  }
}

/**
 * The same facts the explanation line words, for a reader's own language. Not cached like the line:
 * it serves one page of matches, not a full run.
 */
export function pairReasons(
  need: PreparedNeed,
  offer: PreparedOffer,
  eligibility: Eligibility,
  capacityFit: number | null,
  weights: ScoringWeights,
): PairReasons {
  return {
    themes: themeCoverage(need, offer),
    eligibility: { basis: eligibility.basis, code: eligibility.code },
    capacityShare: capacityFit,
    unfundedUsd: need.unfundedUsd,
    facts: factsOf(factBitsOf(need, offer), weights),
  };
}

const FACT_PHRASES: Readonly<Record<PairFact, string>> = {
  NATIONAL_REPORT: 'drawn from a national report',
  NATIONAL_ACTION_PLAN: 'part of a national action plan',
  GENDER_COMPONENT: 'has a gender component',
  REQUIRED_GENDER_COMPONENT: 'has the required gender component',
  BASELINE_ASSESSMENT: 'baseline assessment done',
  MULTI_YEAR: 'multi-year',
  CONFLICT_AFFECTED: 'conflict-affected',
};

/** The need's facts that can raise this pair's score, as bits: a small key for the phrase cache. */
function factBitsOf(need: PreparedNeed, offer: PreparedOffer): number {
  return (
    (need.source.fromNationalReport ? 1 : 0) |
    (need.source.nationalActionPlan ? 2 : 0) |
    (offer.asksAboutGender ? need.gender << 2 : 0) |
    (offer.requiresGenderComponent ? 8 : 0) |
    (need.baseline << 4) |
    (need.multiYear << 5) |
    (need.conflict << 6)
  );
}

/** Secondary facts are named only when they raised the score: their factor weighs something. */
function factsOf(factBits: number, weights: ScoringWeights): PairFact[] {
  const facts: PairFact[] = [];
  if (weights.ownership > 0 && factBits & 1) facts.push('NATIONAL_REPORT');
  if (weights.ownership > 0 && factBits & 2) facts.push('NATIONAL_ACTION_PLAN');
  if (weights.gender > 0 && factBits & 4) facts.push(factBits & 8 ? 'REQUIRED_GENDER_COMPONENT' : 'GENDER_COMPONENT');
  if (weights.baseline > 0 && factBits & 16) facts.push('BASELINE_ASSESSMENT');
  if (weights.multiYear > 0 && factBits & 32) facts.push('MULTI_YEAR');
  if (weights.conflict > 0 && factBits & 64) facts.push('CONFLICT_AFFECTED');
  return facts;
}

function hasBit(lo: number, hi: number, bit: number): boolean {
  return ((bit < 32 ? lo >>> bit : hi >>> (bit - 32)) & 1) === 1;
}

function cached<K, V>(cache: Map<K, V>, key: K, compute: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}

/** The need's themes the offer covers: those it names, then by group those it covers through one. */
function themeCoverage(need: PreparedNeed, offer: PreparedOffer): ThemeCoverage {
  const taxonomy = need.taxonomy;
  const named: string[] = [];
  const throughGroups = new Map<string, string[]>();
  for (const bit of need.themeBits) {
    if (!hasBit(offer.coverLo, offer.coverHi, bit)) continue;
    const theme = taxonomy.themeAt(bit);
    if (hasBit(offer.exactLo, offer.exactHi, bit)) {
      named.push(theme);
    } else {
      const group = taxonomy.groupOf(theme) as string;
      throughGroups.set(group, [...(throughGroups.get(group) ?? []), theme]);
    }
  }
  return {
    themeCount: need.themeCount,
    named,
    throughGroups: [...throughGroups].map(([groupCode, themeCodes]) => ({ groupCode, themeCodes })),
  };
}

function describeThemes(need: PreparedNeed, offer: PreparedOffer): string {
  const { themeCount, named, throughGroups } = themeCoverage(need, offer);
  const label = (code: string) => readableLabel(need.taxonomy.labelOf(code));
  const items = [
    ...named.map(label),
    ...throughGroups.map(({ groupCode, themeCodes }) => `${listInWords(themeCodes.map(label))} via ${label(groupCode)}`),
  ];
  const covered = named.length + throughGroups.reduce((sum, group) => sum + group.themeCodes.length, 0);
  return `covers ${covered} of ${themeCount} ${themeCount === 1 ? 'theme' : 'themes'} (${items.join(', ')})`;
}

function describeEligibility(eligibility: Eligibility, placeNames: PlaceNames): string {
  if (eligibility.code === null) return 'eligible worldwide';
  if (eligibility.basis === 'COUNTRY') {
    return `eligible as ${placeNames.countryName?.(eligibility.code) ?? eligibility.code} (named)`;
  }
  return `eligible as ${placeNames.regionName?.(eligibility.code) ?? eligibility.code}`;
}

/** Labels read mid-sentence: "Stockpile management" becomes "stockpile management", "DDR …" stays. */
function readableLabel(label: string): string {
  const startsWithAcronym = label.length > 1 && label[1] >= 'A' && label[1] <= 'Z';
  return startsWithAcronym ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function listInWords(items: readonly string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Whole US dollars with thousands separators, independent of the process locale. */
function formatAmount(usd: number): string {
  return Math.round(usd)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
