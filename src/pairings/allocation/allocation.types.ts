/**
 * The allocation problem the Secretariat solves across all open needs: how much of every offer's
 * remaining capacity goes to which stored candidate match. Money is whole US dollars throughout.
 */

/** An open need with money still to find. */
export interface AllocationNeed {
  id: string;
  /** Amount not yet covered by approved pairings (whole USD). */
  unfundedUsd: number;
  countryIso3: string;
  /** UN M49 region code of the need's country, such as `002` (Africa). */
  regionCode: string;
}

/** An offer with capacity left to give. */
export interface AllocationOffer {
  id: string;
  /** Capacity not yet committed to approved pairings (whole USD). */
  remainingUsd: number;
  /** Smallest single grant: a pairing gets nothing or at least this much. */
  minGrantUsd: number | null;
  /** Largest single grant one pairing may receive. */
  maxGrantUsd: number | null;
}

/** A scored (need, offer) match that may receive money. */
export interface AllocationCandidate {
  matchId: string;
  needId: string;
  offerId: string;
  /** Match score in [0, 1]; each allocated dollar is worth this much in the objective. */
  score: number;
}

/** Geographic balance and solver limits, all optional. */
export interface AllocationOptions {
  /**
   * Share in [0, 1] of the allocated total that every region with candidate needs must receive at
   * least.
   */
  minRegionShare?: number;
  /** Largest share in [0, 1] of the allocated total any one country may receive. */
  maxCountryShare?: number;
  /** Largest amount (whole USD) any one country may receive. */
  maxCountryUsd?: number;
  /** Wall-clock budget for the solver in seconds; the best allocation found so far is returned. */
  timeLimitSeconds?: number;
}

export interface AllocationProblem {
  needs: AllocationNeed[];
  offers: AllocationOffer[];
  candidates: AllocationCandidate[];
  options?: AllocationOptions;
}

/** Money given to one candidate match. */
export interface Allocation {
  matchId: string;
  needId: string;
  offerId: string;
  /** Whole USD, never zero (unfunded candidates are left out). */
  allocatedUsd: number;
}

/**
 * - `OPTIMAL`: the solver's allocation is within a relative gap of 1e-4 (HiGHS's own optimality
 *   gap) of `upperBound`, before the whole-dollar rounding described on `solveAllocation`.
 * - `FEASIBLE`: a valid allocation whose optimality is not proven (large problems where dropping
 *   grants below their minimum lost more than that gap); `upperBound` shows how far from optimal
 *   it can be at most.
 * - `INFEASIBLE`: the geographic constraints leave no allocation other than giving nothing,
 *   although some candidate could be funded; `message` says why when it can be told in advance.
 * - `TIME_LIMIT`: the time budget ran out; the best allocation found is returned (never worse than
 *   greedy).
 * - `SOLVER_ERROR`: the solver failed; the greedy allocation is returned and `message` says why.
 */
export type AllocationStatus = 'OPTIMAL' | 'FEASIBLE' | 'INFEASIBLE' | 'TIME_LIMIT' | 'SOLVER_ERROR';

export interface GreedyAllocationResult {
  /** Σ score × allocatedUsd. */
  objective: number;
  allocations: Allocation[];
}

export interface AllocationResult {
  status: AllocationStatus;
  /** Σ score × allocatedUsd over the returned allocations. */
  objective: number;
  /** What the greedy highest-score-first allocation reaches under the same constraints. */
  greedyObjective: number;
  /**
   * Proven upper bound on the objective of any allocation, in continuous dollars: the LP optimum,
   * or the branch and bound's dual bound after an exact solve; null when the solver gave none.
   */
  upperBound: number | null;
  /** Whether the returned allocations are the solver's (`SOLVER`) or the greedy fallback's. */
  source: 'SOLVER' | 'GREEDY';
  /** Time spent validating, computing the greedy baseline and building the solver model. */
  buildMillis: number;
  /** Time spent in the solver (loading the model and solving it) and rounding its answer. */
  solveMillis: number;
  allocations: Allocation[];
  message?: string;
}
