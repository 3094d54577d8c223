import type { Highs } from 'highs';
import { AllocationIndex, objectiveOf } from './allocation-index';
import { AllocationModel } from './allocation-model';
import { AllocationStatus } from './allocation.types';

/**
 * Up to this many fundable candidates, minimum grants that the two-phase pass could not settle
 * are solved exactly by branch and bound. HiGHS's MIP is single-threaded in WebAssembly with a
 * 2 GB heap: on the benchmark's data it needs about 4 s of CPU at 8,000 candidates with minimum
 * grants, a minute at 20,000 with geographic shares, and at 500,000 (655,000 columns and 368,000
 * rows once semi-continuous columns are reformulated) it runs out of memory.
 */
export const EXACT_CANDIDATE_LIMIT = 5_000;

/**
 * The best candidates of each need that start in the column-generation model. These and the
 * per-round count below were tuned on the benchmark: few starting columns make the first solve
 * cheap, and four or five pricing rounds bring in what the optimum needs.
 */
const INITIAL_CANDIDATES_PER_NEED = 2;

/** Candidates priced into the model per need and round. */
const ENTERING_CANDIDATES_PER_NEED = 10;

/** A reduced cost (score × model unit per unit) must exceed this to be worth a column. */
const REDUCED_COST_TOLERANCE = 1e-7;

/** HiGHS's default relative MIP gap: within it of the upper bound, an allocation counts as optimal. */
const OPTIMALITY_GAP = 1e-4;

/** HiGHS reports amounts up to 1e-7 model units off; a grant this close to its minimum meets it. */
const SUB_MINIMUM_TOLERANCE_UNITS = 1e-6;

export interface OptimiserSettings {
  timeLimitSeconds: number;
  /** Largest number of fundable candidates solved exactly; EXACT_CANDIDATE_LIMIT by default. */
  exactCandidateLimit?: number;
}

export interface OptimiserOutcome {
  status: AllocationStatus;
  /** Continuous amounts in dollars, one per candidate; null when the solver holds no feasible one. */
  amounts: Float64Array | null;
  upperBound: number | null;
  moneyUnitUsd: number;
}

/**
 * The solver side of the allocation.
 *
 * 1. Column generation on the LP relaxation (minimum grants relaxed to 0 ≤ x ≤ upper). The model
 *    starts with the greedy allocation's grants and each need's best candidates. After each
 *    solve the row duals price every other candidate; those whose first dollar would raise the
 *    objective are added and the LP is solved again from the previous basis. When none is left,
 *    the LP optimum is optimal over all candidates. At 500,000 candidates this takes about
 *    25,000 columns and under a second of simplex, where the full LP takes five to ten.
 *    That optimum is the upper bound on any allocation.
 * 2. Minimum grants, two-phase: only basic columns can sit strictly between 0 and their upper
 *    bound, so few grants come out below their offer's minimum. Those are pinned at zero and the
 *    LP is priced and solved again, until no grant is below its minimum. Pinning can only lose
 *    value; the loss is measured against the bound, and when it is within HiGHS's own optimality
 *    gap (1e-4) the result is OPTIMAL, as on the benchmark (0.005%).
 * 3. Otherwise, on problems of up to EXACT_CANDIDATE_LIMIT fundable candidates, the exact
 *    problem: every candidate becomes a column, those with a minimum grant semi-continuous
 *    (0 or within [minimum, upper]), solved by HiGHS's branch and bound from the better of the
 *    two-phase and the greedy allocations. Larger problems keep the two-phase result as FEASIBLE,
 *    with the bound telling how far from optimal it can be.
 */
export function optimiseAllocation(
  highs: Highs,
  index: AllocationIndex,
  greedy: Float64Array,
  { timeLimitSeconds, exactCandidateLimit = EXACT_CANDIDATE_LIMIT }: OptimiserSettings,
): OptimiserOutcome {
  const model = new AllocationModel(highs, index, timeLimitSeconds);
  try {
    const twoPhase = solveRelaxationThenPinSubMinimumGrants(model, index, greedy);
    if (twoPhase.status !== 'FEASIBLE' || fundableCount(index) > exactCandidateLimit) return twoPhase;

    const start = twoPhase.amounts && objectiveOf(index, twoPhase.amounts) > objectiveOf(index, greedy) ? twoPhase.amounts : greedy;
    model.addAllCandidates();
    const status = model.runWithMinimumGrants(start);
    return {
      status,
      amounts: status === 'INFEASIBLE' ? null : model.amountsUsd(),
      upperBound: status === 'INFEASIBLE' ? 0 : model.upperBound(),
      moneyUnitUsd: model.moneyUnitUsd,
    };
  } finally {
    model.dispose();
  }
}

/** Steps 1 and 2: FEASIBLE (possibly without amounts) when pinning left a gap or no solution. */
function solveRelaxationThenPinSubMinimumGrants(model: AllocationModel, index: AllocationIndex, greedy: Float64Array): OptimiserOutcome {
  model.addCandidates(initialCandidates(index, greedy));
  const { moneyUnitUsd } = model;
  let upperBound: number | null = null;
  let pinned = false;
  for (;;) {
    const status = model.run();
    if (status === 'INFEASIBLE') {
      // The columns so far may be what is infeasible; only the full model can tell.
      if (!pinned && !model.isComplete) {
        model.addAllCandidates();
        continue;
      }
      // Once grants are pinned at zero, infeasibility says nothing about the problem itself.
      return {
        status: pinned ? 'FEASIBLE' : 'INFEASIBLE',
        amounts: null,
        upperBound: pinned ? upperBound : 0,
        moneyUnitUsd,
      };
    }
    if (status !== 'OPTIMAL') return { status, amounts: model.amountsUsd(), upperBound, moneyUnitUsd };

    const entering = model.priceOut(ENTERING_CANDIDATES_PER_NEED, REDUCED_COST_TOLERANCE * moneyUnitUsd);
    if (entering.length > 0) {
      model.addCandidates(entering);
      continue;
    }
    upperBound ??= model.objective();
    const amounts = model.amountsUsd()!;
    const subMinimum = subMinimumGrants(index, amounts, SUB_MINIMUM_TOLERANCE_UNITS * moneyUnitUsd);
    if (subMinimum.length === 0) {
      const withinGap = upperBound - model.objective() <= OPTIMALITY_GAP * Math.max(1, Math.abs(upperBound));
      return { status: withinGap ? 'OPTIMAL' : 'FEASIBLE', amounts, upperBound, moneyUnitUsd };
    }
    model.exclude(subMinimum);
    pinned = true;
  }
}

/** The greedy grants, which keep the first model feasible, and each need's best candidates. */
function initialCandidates(index: AllocationIndex, greedy: Float64Array): number[] {
  const candidates: number[] = [];
  const takenByNeed = new Int32Array(index.needUnfunded.length);
  for (const c of index.byScoreDescending) {
    if (greedy[c] > 0) candidates.push(c);
    else if (index.upperOf[c] > 0 && takenByNeed[index.needOf[c]] < INITIAL_CANDIDATES_PER_NEED) {
      takenByNeed[index.needOf[c]]++;
      candidates.push(c);
    }
  }
  return candidates;
}

function subMinimumGrants(index: AllocationIndex, amounts: Float64Array, tolerance: number): number[] {
  const subMinimum: number[] = [];
  for (let c = 0; c < index.candidateCount; c++) {
    const minimum = index.lowerOf[c];
    if (minimum > 1 && amounts[c] > tolerance && amounts[c] < minimum - tolerance) subMinimum.push(c);
  }
  return subMinimum;
}

function fundableCount(index: AllocationIndex): number {
  let fundable = 0;
  for (let c = 0; c < index.candidateCount; c++) if (index.upperOf[c] > 0) fundable++;
  return fundable;
}
