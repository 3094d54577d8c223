import { MATCHING_TAXONOMY } from '../matching-taxonomy';
import { Proposal, storedBreakdownJson } from '../proposal';
import { NeedForScoring, OfferForScoring, OfferIndex, prepareNeed, prepareOffer, scoreAllInBatches, ScoringStats, ScoringWeights } from '../scoring';

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

/** A full run's results batch by batch, `needsPerBatch` needs at a time after the first; always at least one batch. */
export function* scoredBatches(input: FullRunScoringInput): Generator<ScoredBatch, void, undefined> {
  const { needs, offers, regionNames, countryNames } = input;
  const needPosition = new Map(needs.map((need, index) => [need.id, index]));
  const offerPosition = new Map(offers.map((offer, index) => [offer.id, index]));
  const results = scoreAllInBatches(
    needs.map((need) => prepareNeed(need, MATCHING_TAXONOMY)),
    new OfferIndex(offers.map((offer) => prepareOffer(offer, MATCHING_TAXONOMY))),
    input.weights,
    {
      topK: input.topK,
      minScore: input.minScore,
      needsPerBatch: input.needsPerBatch,
      firstBatchNeeds: input.firstBatchNeeds,
      placeNames: { regionName: (code) => regionNames.get(code), countryName: (iso3) => countryNames.get(iso3) },
    },
  );
  let firstNeed = 0;
  for (const { matches, stats } of results) {
    const batch: ScoredBatch = {
      firstNeed,
      needCount: stats.needsScored - firstNeed,
      needIndexes: new Int32Array(matches.length),
      offerIndexes: new Int32Array(matches.length),
      scores: new Float64Array(matches.length),
      breakdownJson: new Array<string>(matches.length),
      explanations: new Array<string>(matches.length),
      stats,
    };
    matches.forEach((match, row) => {
      batch.needIndexes[row] = needPosition.get(match.needId)!;
      batch.offerIndexes[row] = offerPosition.get(match.offerId)!;
      batch.scores[row] = match.score;
      batch.breakdownJson[row] = storedBreakdownJson(match.breakdown);
      batch.explanations[row] = match.explanation;
    });
    firstNeed += batch.needCount;
    yield batch;
  }
}

/** A batch's results as proposals for the match writer. */
export function proposalsOf(batch: ScoredBatch, needs: readonly { id: string }[], offers: readonly { id: string }[]): Proposal[] {
  const proposals = new Array<Proposal>(batch.scores.length);
  for (let row = 0; row < proposals.length; row++) {
    proposals[row] = {
      needId: needs[batch.needIndexes[row]].id,
      offerId: offers[batch.offerIndexes[row]].id,
      score: batch.scores[row],
      explanation: batch.explanations[row],
      breakdownJson: batch.breakdownJson[row],
    };
  }
  return proposals;
}
