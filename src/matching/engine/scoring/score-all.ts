import { BadUserInputError } from '../../../common/errors/domain-errors';
import { NeedIndex, OfferCandidates, OfferIndex } from './candidate-indexes';
import { PairExplainer } from './pair-explanation';
import { buildPairScore, scanOffers, ScoreFormula } from './pair-scorer';
import { assertOneTaxonomy, eligibilityOf, PreparedNeed, PreparedOffer } from './prepared-forms';
import { GLOBAL_ELIGIBILITY } from './region-fit';
import { NeedColumns, OfferColumns } from './scoring-columns';
import { resolveWeights } from './scoring-weights';
import { TopKHeap } from './top-k-heap';
import { PairScore, ScoreAgainstNeedsOptions, ScoreAllOptions, ScoringResult, ScoringStats, ScoringWeights } from './types';

/**
 * A full run: the best `topK` offers of every need scoring at least `minScore`. Needs of the same
 * country share one eligibility lookup; each need then walks only the offers open to its country,
 * keeps its best in a bounded heap, and only those winners get a breakdown and an explanation.
 */
export function scoreAll(
  needs: readonly PreparedNeed[],
  offers: readonly PreparedOffer[] | OfferIndex,
  weights: ScoringWeights,
  options: ScoreAllOptions,
): ScoringResult {
  const [wholeRun] = scoreAllInBatches(needs, offers, weights, { ...options, needsPerBatch: Math.max(1, needs.length) });
  return wholeRun;
}

/**
 * The full run of `scoreAll`, handed over `needsPerBatch` needs at a time (default 1,000) so a
 * caller can write each batch and let it go: a run then holds a few thousand results at once,
 * not every one of them. Each batch's stats are running totals, so the last batch's cover the
 * whole run; there is always at least one batch. Inputs are validated on the call.
 */
export function scoreAllInBatches(
  needs: readonly PreparedNeed[],
  offers: readonly PreparedOffer[] | OfferIndex,
  weights: ScoringWeights,
  options: ScoreAllOptions & { needsPerBatch?: number },
): Generator<ScoringResult, void, undefined> {
  const offerIndex = offers instanceof OfferIndex ? offers : new OfferIndex(offers);
  const run = startRun(weights, options, needs, offerIndex.offers);
  const heap = topKHeap(options.topK);
  const { needsPerBatch = 1_000 } = options;
  if (!Number.isInteger(needsPerBatch) || needsPerBatch < 1) {
    throw BadUserInputError.forField('options.needsPerBatch', 'needsPerBatch must be a positive integer.');
  }
  return batchesOf(needs, offerIndex, heap, run, needsPerBatch);
}

function* batchesOf(
  needs: readonly PreparedNeed[],
  offerIndex: OfferIndex,
  heap: TopKHeap,
  run: Run,
  needsPerBatch: number,
): Generator<ScoringResult, void, undefined> {
  const needColumns = new NeedColumns(needs);
  const candidatesByPlace = new Map<string, OfferCandidates>();
  let matches: PairScore[] = [];
  for (let n = 0; n < needs.length; n++) {
    const need = needs[n];
    let candidates = candidatesByPlace.get(need.placeKey);
    if (candidates === undefined) {
      candidates = offerIndex.candidatesFor(need);
      candidatesByPlace.set(need.placeKey, candidates);
    }
    for (const match of bestOffersFor(needColumns, n, candidates, offerIndex, heap, run)) matches.push(match);
    if ((n + 1) % needsPerBatch === 0 && n + 1 < needs.length) {
      yield { matches, stats: { ...run.stats } };
      matches = [];
    }
  }
  yield { matches, stats: { ...run.stats } };
}

/** Incremental rescoring of one need: its best `topK` offers. */
export function scoreNeedAgainstOffers(
  need: PreparedNeed,
  offerIndex: OfferIndex,
  weights: ScoringWeights,
  options: ScoreAllOptions,
): ScoringResult {
  const run = startRun(weights, options, [need], offerIndex.offers);
  const heap = topKHeap(options.topK);
  const matches = bestOffersFor(new NeedColumns([need]), 0, offerIndex.candidatesFor(need), offerIndex, heap, run);
  return { matches, stats: run.stats };
}

/**
 * Incremental rescoring of one offer: every need it pairs with at `minScore` or more, best first
 * (ties: need id ascending). No top-K here: whether a pair enters a need's top K depends on that
 * need's other matches, which the caller holds.
 */
export function scoreOfferAgainstNeeds(
  offer: PreparedOffer,
  needIndex: NeedIndex,
  weights: ScoringWeights,
  options: ScoreAgainstNeedsOptions = {},
): ScoringResult {
  const run = startRun(weights, options, needIndex.needs, [offer]);
  const needColumns = needIndex.columns;
  const offerColumns = new OfferColumns([offer]);
  // Each need is scanned against this one offer; the one-slot heap says whether it reached minScore.
  const onlyOffer = { offerIndices: Int32Array.of(0), regionFits: new Float64Array(1), eligibilities: [GLOBAL_ELIGIBILITY] };
  const scored = new TopKHeap(1);
  const found: { match: PairScore; rank: number }[] = [];
  const candidates = needIndex.candidatesFor(offer);
  run.stats.pairsExamined = candidates.length;
  for (const n of candidates) {
    const eligibility = eligibilityOf(needIndex.needs[n], offer);
    if (eligibility === null) continue;
    onlyOffer.regionFits[0] = eligibility.fit;
    onlyOffer.eligibilities[0] = eligibility;
    run.stats.pairsPassingFilters += scanOffers(
      needColumns,
      n,
      offerColumns,
      onlyOffer,
      onlyOffer.offerIndices,
      run.formula,
      run.minScore,
      scored,
    );
    if (scored.length === 0) continue;
    scored.clear();
    const match = buildPairScore(needColumns, n, offerColumns, 0, eligibility, run.formula, run.explainer);
    found.push({ match, rank: needIndex.ranks[n] });
  }
  const matches = found.sort((a, b) => b.match.score - a.match.score || a.rank - b.rank).map(({ match }) => match);
  run.stats.matchesKept = matches.length;
  return { matches, stats: run.stats };
}

interface Run {
  formula: ScoreFormula;
  minScore: number;
  explainer: PairExplainer;
  stats: ScoringStats;
}

function startRun(
  weights: ScoringWeights,
  options: ScoreAgainstNeedsOptions,
  needs: readonly PreparedNeed[],
  offers: readonly PreparedOffer[],
): Run {
  const { minScore = 0, placeNames = {} } = options;
  if (!(minScore >= 0 && minScore <= 1)) throw BadUserInputError.forField('options.minScore', 'minScore must lie in [0, 1].');
  assertOneTaxonomy(needs, offers);
  const validWeights = resolveWeights(weights);
  return {
    formula: new ScoreFormula(validWeights),
    minScore,
    explainer: new PairExplainer(validWeights, placeNames),
    stats: emptyStats(needs.length, offers.length),
  };
}

function topKHeap(topK: number): TopKHeap {
  if (!Number.isInteger(topK) || topK < 1) throw BadUserInputError.forField('options.topK', 'topK must be a positive integer.');
  return new TopKHeap(topK);
}

/** One need against its candidate offers: a breakdown and an explanation only for the winners. */
function bestOffersFor(
  needColumns: NeedColumns,
  n: number,
  candidates: OfferCandidates,
  offerIndex: OfferIndex,
  heap: TopKHeap,
  run: Run,
): PairScore[] {
  heap.clear();
  const { columns: offerColumns, ranks } = offerIndex;
  run.stats.pairsExamined += candidates.offerIndices.length;
  run.stats.pairsPassingFilters += scanOffers(needColumns, n, offerColumns, candidates, ranks, run.formula, run.minScore, heap);
  const matches = heap.drainBestFirst().map((slot) => {
    const o = candidates.offerIndices[slot];
    return buildPairScore(needColumns, n, offerColumns, o, candidates.eligibilities[slot], run.formula, run.explainer);
  });
  run.stats.matchesKept += matches.length;
  return matches;
}

function emptyStats(needCount: number, offerCount: number): ScoringStats {
  return { pairsConsidered: needCount * offerCount, pairsExamined: 0, pairsPassingFilters: 0, matchesKept: 0 };
}
