import { Allocation, AllocationProblem } from './allocation.types';

/**
 * The problem in array form, shared by the greedy pass, the solver model and the rounding
 * repair so that each of them works on integer indices instead of id lookups.
 *
 * Countries and regions are those of needs that appear in at least one candidate: a region with
 * candidate needs owes a minimum share even when none of its candidates can actually be funded,
 * which is what makes such a problem infeasible.
 */
export interface AllocationIndex {
  problem: AllocationProblem;
  candidateCount: number;
  needOf: Int32Array;
  offerOf: Int32Array;
  countryOf: Int32Array;
  regionOf: Int32Array;
  score: Float64Array;
  /** Smallest non-zero amount a candidate may receive (its offer's minimum grant, at least 1). */
  lowerOf: Float64Array;
  /**
   * Largest amount a candidate may receive on its own: the least of the offer's remaining
   * capacity and largest grant, the need's unfunded amount and the country cap; 0 when that is
   * below the smallest grant, so the candidate can never be funded.
   */
  upperOf: Float64Array;
  needUnfunded: Float64Array;
  offerRemaining: Float64Array;
  countryCodes: string[];
  regionCodes: string[];
  /** 0 when there is no regional minimum. */
  minRegionShare: number;
  /** 1 when there is no country share cap. */
  maxCountryShare: number;
  /** Infinity when there is no country cap in dollars. */
  maxCountryUsd: number;
  /** Candidate indices by descending score; ties keep input order so results are reproducible. */
  byScoreDescending: Int32Array;
}

export function indexAllocationProblem(problem: AllocationProblem): AllocationIndex {
  const options = problem.options ?? {};
  const needIndex = new Map(problem.needs.map((need, index) => [need.id, index]));
  const offerIndex = new Map(problem.offers.map((offer, index) => [offer.id, index]));
  const maxCountryUsd = options.maxCountryUsd ?? Number.POSITIVE_INFINITY;

  const candidateCount = problem.candidates.length;
  const needOf = new Int32Array(candidateCount);
  const offerOf = new Int32Array(candidateCount);
  const countryOf = new Int32Array(candidateCount);
  const regionOf = new Int32Array(candidateCount);
  const score = new Float64Array(candidateCount);
  const lowerOf = new Float64Array(candidateCount);
  const upperOf = new Float64Array(candidateCount);
  const countryIndex = new Map<string, number>();
  const regionIndex = new Map<string, number>();

  problem.candidates.forEach((candidate, c) => {
    const needPosition = needIndex.get(candidate.needId)!;
    const offerPosition = offerIndex.get(candidate.offerId)!;
    const need = problem.needs[needPosition];
    const offer = problem.offers[offerPosition];
    needOf[c] = needPosition;
    offerOf[c] = offerPosition;
    countryOf[c] = positionOf(countryIndex, need.countryIso3);
    regionOf[c] = positionOf(regionIndex, need.regionCode);
    score[c] = candidate.score;
    const lower = Math.max(1, offer.minGrantUsd ?? 0);
    const upper = Math.min(offer.remainingUsd, offer.maxGrantUsd ?? Number.POSITIVE_INFINITY, need.unfundedUsd, maxCountryUsd);
    lowerOf[c] = lower;
    upperOf[c] = upper >= lower ? upper : 0;
  });

  const byScoreDescending = Int32Array.from({ length: candidateCount }, (_, c) => c).sort((a, b) => score[b] - score[a] || a - b);

  return {
    problem,
    candidateCount,
    needOf,
    offerOf,
    countryOf,
    regionOf,
    score,
    lowerOf,
    upperOf,
    needUnfunded: Float64Array.from(problem.needs, (need) => need.unfundedUsd),
    offerRemaining: Float64Array.from(problem.offers, (offer) => offer.remainingUsd),
    countryCodes: [...countryIndex.keys()],
    regionCodes: [...regionIndex.keys()],
    minRegionShare: options.minRegionShare ?? 0,
    maxCountryShare: options.maxCountryShare ?? 1,
    maxCountryUsd,
    byScoreDescending,
  };
}

/** Σ score × amount. */
export function objectiveOf(index: AllocationIndex, amounts: Float64Array): number {
  let objective = 0;
  for (let c = 0; c < index.candidateCount; c++) objective += index.score[c] * amounts[c];
  return objective;
}

/** The funded candidates, in input order. */
export function allocationsOf(index: AllocationIndex, amounts: Float64Array): Allocation[] {
  const allocations: Allocation[] = [];
  index.problem.candidates.forEach((candidate, c) => {
    if (amounts[c] > 0) {
      allocations.push({
        matchId: candidate.matchId,
        needId: candidate.needId,
        offerId: candidate.offerId,
        allocatedUsd: amounts[c],
      });
    }
  });
  return allocations;
}

function positionOf(positions: Map<string, number>, key: string): number {
  let position = positions.get(key);
  if (position === undefined) {
    position = positions.size;
    positions.set(key, position);
  }
  return position;
}
