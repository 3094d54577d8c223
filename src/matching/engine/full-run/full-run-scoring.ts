import { MATCHING_TAXONOMY } from '../matching-taxonomy';
import { Proposal, storedBreakdownJson } from '../proposal';
import { NeedForScoring, OfferForScoring, OfferIndex, prepareNeed, prepareOffer, scoreAll, ScoringStats, ScoringWeights } from '../scoring';

/** Everything a full run's scoring needs, as plain data that can be handed to another thread. */
export interface FullRunScoringInput {
  needs: NeedForScoring[];
  offers: OfferForScoring[];
  weights: ScoringWeights;
  topK: number;
  minScore: number;
  needsPerBatch: number;
  /** The first batch alone, smaller, so its results are written while the next ones are scored. */
  firstBatchNeeds: number;
  /** English names for the explanations: M49 code → name, ISO3 code → name. */
  regionNames: Map<string, string>;
  countryNames: Map<string, string>;
}

/**
 * The results of `needCount` consecutive needs (from `firstNeed` in the input), in columns: the
 * pairs as positions in the input's needs and offers, and per pair its score, stored breakdown and
 * explanation. A few arrays cross to another thread far more cheaply than thousands of objects.
 */
export interface ScoredBatch {
  firstNeed: number;
  needCount: number;
  needIndexes: Int32Array<ArrayBuffer>;
  offerIndexes: Int32Array<ArrayBuffer>;
  scores: Float64Array<ArrayBuffer>;
  breakdownJson: string[];
  explanations: string[];
  /** Running totals of the run up to and including this batch. */
  stats: ScoringStats;
}

/**
 * A full run's results batch by batch: `firstBatchNeeds` needs, then `needsPerBatch` at a time;
 * always at least one batch. The offers are prepared and indexed once; each batch prepares only
 * its own needs, so the first results come as soon as a few needs are scored. Every need's best
 * offers depend on that need alone, so the batches together are exactly `scoreAll` of every need.
 */
export function* scoredBatches(input: FullRunScoringInput): Generator<ScoredBatch, void, undefined> {
  const { needs, offers, regionNames, countryNames } = input;
  const offerIndex = new OfferIndex(offers.map((offer) => prepareOffer(offer, MATCHING_TAXONOMY)));
  const needPosition = new Map(needs.map((need, index) => [need.id, index]));
  const offerPosition = new Map(offers.map((offer, index) => [offer.id, index]));
  const options = {
    topK: input.topK,
    minScore: input.minScore,
    placeNames: { regionName: (code: string) => regionNames.get(code), countryName: (iso3: string) => countryNames.get(iso3) },
  };
  const stats: ScoringStats = { pairsConsidered: 0, pairsExamined: 0, pairsPassingFilters: 0, matchesKept: 0 };
  let firstNeed = 0;
  do {
    const needCount = Math.min(firstNeed === 0 ? input.firstBatchNeeds : input.needsPerBatch, needs.length - firstNeed);
    const batchNeeds = needs.slice(firstNeed, firstNeed + needCount);
    const result = scoreAll(
      batchNeeds.map((need) => prepareNeed(need, MATCHING_TAXONOMY)),
      offerIndex,
      input.weights,
      options,
    );
    for (const key of Object.keys(stats) as (keyof ScoringStats)[]) stats[key] += result.stats[key];
    const { matches } = result;
    const batch: ScoredBatch = {
      firstNeed,
      needCount,
      needIndexes: new Int32Array(matches.length),
      offerIndexes: new Int32Array(matches.length),
      scores: new Float64Array(matches.length),
      breakdownJson: new Array<string>(matches.length),
      explanations: new Array<string>(matches.length),
      stats: { ...stats },
    };
    matches.forEach((match, row) => {
      batch.needIndexes[row] = needPosition.get(match.needId)!;
      batch.offerIndexes[row] = offerPosition.get(match.offerId)!;
      batch.scores[row] = match.score;
      batch.breakdownJson[row] = storedBreakdownJson(match.breakdown);
      batch.explanations[row] = match.explanation;
    });
    firstNeed += needCount;
    yield batch;
  } while (firstNeed < needs.length);
}

/** A batch's results as proposals for the match writer, given the ids of the run's needs and offers in input order. */
export function proposalsOf(batch: ScoredBatch, needIds: readonly string[], offerIds: readonly string[]): Proposal[] {
  const proposals = new Array<Proposal>(batch.scores.length);
  for (let row = 0; row < proposals.length; row++) {
    proposals[row] = {
      needId: needIds[batch.needIndexes[row]],
      offerId: offerIds[batch.offerIndexes[row]],
      score: batch.scores[row],
      explanation: batch.explanations[row],
      breakdownJson: batch.breakdownJson[row],
    };
  }
  return proposals;
}
