import { OfferCandidates } from './candidate-indexes';
import { PairExplainer, pairReasons } from './pair-explanation';
import { assertOneTaxonomy, eligibilityOf, PreparedNeed, PreparedOffer } from './prepared-forms';
import { Eligibility } from './region-fit';
import { NeedColumns, OfferColumns } from './scoring-columns';
import { resolveWeights } from './scoring-weights';
import { popCount32 } from './theme-taxonomy';
import { TopKHeap } from './top-k-heap';
import { PairReasons, PairScore, PlaceNames, ScoreBreakdown, ScoringWeights } from './types';

/**
 * Theme fit = Σ credit over the need's themes the offer covers / number of the need's themes.
 * A theme the offer names itself earns full credit; one it covers only by naming the whole group
 * earns less, since a donor naming "weapons and ammunition management" has not said it funds marking.
 */
export const EXACT_THEME_CREDIT = 1;
export const GROUP_THEME_CREDIT = 0.6;

export function themeFitOf(
  needLo: number,
  needHi: number,
  needThemeCount: number,
  exactLo: number,
  exactHi: number,
  coverLo: number,
  coverHi: number,
): number {
  const exact = popCount32(needLo & exactLo) + popCount32(needHi & exactHi);
  const covered = popCount32(needLo & coverLo) + popCount32(needHi & coverHi);
  return (EXACT_THEME_CREDIT * exact + GROUP_THEME_CREDIT * (covered - exact)) / needThemeCount;
}

/** Share of the unfunded remainder one grant can carry (only called once the need lacks something). */
export function capacityFitOf(fundableUsd: number, unfundedUsd: number): number {
  return Math.min(1, fundableUsd / unfundedUsd);
}

/**
 * The weighted mean Σ wᵢ·fᵢ / Σ wᵢ over the factors that count, with the weights of one run.
 *
 * Gender counts only for offers that ask about it (they require a gender component or name the
 * GENDER theme): elsewhere a need without a gender component would lose points to a donor who never
 * asked for one. The four other need-only factors are summed once per need (`needPart`).
 *
 * Numerator and denominator group their terms alike and every fᵢ ≤ 1; since rounding is monotonic,
 * the score stays ≤ 1 without clamping.
 */
export class ScoreFormula {
  private readonly pairTotal: number;
  private readonly needTotal: number;

  constructor(readonly weights: ScoringWeights) {
    this.pairTotal = weights.theme + weights.region + weights.capacity;
    this.needTotal = weights.ownership + weights.baseline + weights.multiYear + weights.conflict;
  }

  needPart(needs: NeedColumns, n: number): number {
    const { weights } = this;
    return (
      weights.ownership * needs.ownership[n] +
      weights.baseline * needs.baseline[n] +
      weights.multiYear * needs.multiYear[n] +
      weights.conflict * needs.conflict[n]
    );
  }

  score(theme: number, region: number, capacity: number, needPart: number, gender: number, genderCounts: boolean): number {
    const { weights } = this;
    const genderWeight = genderCounts ? weights.gender : 0;
    const weighted = weights.theme * theme + weights.region * region + weights.capacity * capacity + needPart + genderWeight * gender;
    return weighted / (this.pairTotal + this.needTotal + genderWeight);
  }
}

/**
 * The hard filters and the score, in the one place they are written: every entry point (a pair, a
 * need, an offer, a full run) goes through here. Eligibility is already settled by the candidates.
 * Offers every pair scoring ≥ minScore to `best` (as its candidate slot) and returns how many
 * pairs passed the filters.
 *
 * Per pair this reads typed arrays only and allocates nothing; the need's columns are read once,
 * and pairs that cannot enter `best` any more are not even offered to it.
 */
export function scanOffers(
  needs: NeedColumns,
  n: number,
  offers: OfferColumns,
  candidates: OfferCandidates,
  ranks: Int32Array,
  formula: ScoreFormula,
  minScore: number,
  best: TopKHeap,
): number {
  const { offerIndices, regionFits } = candidates;
  // Columns into locals: the loop then reads array elements only, with no property loads per pair.
  const { coverLo, coverHi, exactLo, exactHi, assistanceMask, startDay, endDay } = offers;
  const { remainingCapacityUsd, minGrantUsd, fundableUsd, requiresGenderComponent, asksAboutGender } = offers;
  const needThemeLo = needs.themeLo[n];
  const needThemeHi = needs.themeHi[n];
  const needThemeCount = needs.themeCount[n];
  const needAssistance = needs.assistanceMask[n];
  const needStart = needs.startDay[n];
  const needEnd = needs.endDay[n];
  const unfundedUsd = needs.unfundedUsd[n];
  const gender = needs.gender[n];
  const needPart = formula.needPart(needs, n);
  if (!(unfundedUsd > 0)) return 0;
  let passing = 0;
  let entryScore = Math.max(minScore, best.entryScore);
  for (let slot = 0; slot < offerIndices.length; slot++) {
    const o = offerIndices[slot];
    if (
      ((needThemeLo & coverLo[o]) | (needThemeHi & coverHi[o])) === 0 ||
      (needAssistance & assistanceMask[o]) === 0 ||
      needStart > endDay[o] ||
      startDay[o] > needEnd ||
      !(remainingCapacityUsd[o] > 0) ||
      minGrantUsd[o] > unfundedUsd ||
      (gender === 0 && requiresGenderComponent[o] === 1)
    ) {
      continue;
    }
    passing++;
    const score = formula.score(
      themeFitOf(needThemeLo, needThemeHi, needThemeCount, exactLo[o], exactHi[o], coverLo[o], coverHi[o]),
      regionFits[slot],
      capacityFitOf(fundableUsd[o], unfundedUsd),
      needPart,
      gender,
      asksAboutGender[o] === 1,
    );
    if (score < entryScore) continue;
    best.push(score, ranks[o], slot);
    entryScore = Math.max(minScore, best.entryScore);
  }
  return passing;
}

/**
 * Scores one pair, or returns null when a hard filter fails. Weights are validated here; the bulk
 * functions validate them once per run.
 */
export function scorePair(
  need: PreparedNeed,
  offer: PreparedOffer,
  weights: ScoringWeights,
  placeNames: PlaceNames = {},
): PairScore | null {
  assertOneTaxonomy([need], [offer]);
  const eligibility = eligibilityOf(need, offer);
  return eligibility && scoreEligiblePair(need, offer, eligibility, weights, placeNames);
}

/**
 * Why a pair fits, as facts (see `PairReasons`); null when the offer no longer reaches the need's
 * country. A pair that fails another hard filter (nothing left to fund, no capacity left) keeps its
 * themes, eligibility and facts, but has no share of the gap: that share is the score's, and there is
 * no score.
 */
export function reasonsForPair(need: PreparedNeed, offer: PreparedOffer, weights: ScoringWeights): PairReasons | null {
  assertOneTaxonomy([need], [offer]);
  const eligibility = eligibilityOf(need, offer);
  if (eligibility === null) return null;
  const scored = scoreEligiblePair(need, offer, eligibility, weights, {});
  return pairReasons(need, offer, eligibility, scored ? scored.breakdown.capacity : null, resolveWeights(weights));
}

/** `scorePair` for a pair whose offer reaches the need's country: the other hard filters, then the score. */
function scoreEligiblePair(
  need: PreparedNeed,
  offer: PreparedOffer,
  eligibility: Eligibility,
  weights: ScoringWeights,
  placeNames: PlaceNames,
): PairScore | null {
  const formula = new ScoreFormula(resolveWeights(weights));
  const needs = new NeedColumns([need]);
  const offers = new OfferColumns([offer]);
  const candidates = { offerIndices: Int32Array.of(0), regionFits: Float64Array.of(eligibility.fit), eligibilities: [eligibility] };
  const passing = scanOffers(needs, 0, offers, candidates, Int32Array.of(0), formula, 0, new TopKHeap(1));
  if (passing === 0) return null;
  return buildPairScore(needs, 0, offers, 0, eligibility, formula, new PairExplainer(formula.weights, placeNames));
}

/**
 * The full result for a pair that passed the filters. Recomputes the factors with the same functions
 * and inputs as `scanOffers`, so the score is bit-for-bit the one that ranked the pair.
 */
export function buildPairScore(
  needs: NeedColumns,
  n: number,
  offers: OfferColumns,
  o: number,
  eligibility: Eligibility,
  formula: ScoreFormula,
  explainer: PairExplainer,
): PairScore {
  const need = needs.prepared[n];
  const offer = offers.prepared[o];
  const theme = themeFitOf(
    needs.themeLo[n],
    needs.themeHi[n],
    needs.themeCount[n],
    offers.exactLo[o],
    offers.exactHi[o],
    offers.coverLo[o],
    offers.coverHi[o],
  );
  const capacity = capacityFitOf(offers.fundableUsd[o], needs.unfundedUsd[n]);
  const genderCounts = offers.asksAboutGender[o] === 1;
  const gender = genderCounts ? need.gender : null;
  const breakdown = new Breakdown(theme, eligibility.fit, capacity, need.ownership, gender, need.baseline, need.multiYear, need.conflict);
  return {
    needId: need.source.id,
    offerId: offer.source.id,
    score: formula.score(theme, eligibility.fit, capacity, formula.needPart(needs, n), needs.gender[n], genderCounts),
    breakdown,
    explanation: explainer.explain(need, offer, eligibility, capacity),
  };
}

/**
 * A class, not an object literal: the weights are plain objects with these same keys in this order,
 * all doubles, and V8 would give a literal their layout, storing every 0/1 flag here as a boxed
 * double. A run keeps ~100,000 of these, so the boxes are worth avoiding.
 */
class Breakdown implements ScoreBreakdown {
  constructor(
    public theme: number,
    public region: number,
    public capacity: number,
    public ownership: number,
    public gender: number | null,
    public baseline: number,
    public multiYear: number,
    public conflict: number,
  ) {}
}
