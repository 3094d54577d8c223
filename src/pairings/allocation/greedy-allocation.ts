import { AllocationIndex, allocationsOf, indexAllocationProblem, objectiveOf } from './allocation-index';
import { AllocationProblem, GreedyAllocationResult } from './allocation.types';
import { validateAllocationProblem } from './allocation-problem-validator';
import { repairToFeasible } from './feasibility-repair';

/**
 * The baseline the optimiser is measured against: candidates in descending score order, each
 * given as much as its offer, its need, its grant limit and its country cap still allow (or
 * nothing when that is below the offer's minimum grant); then the lowest-scored grants are
 * trimmed until the geographic shares hold, so the baseline meets the same constraints as the
 * optimum.
 */
export function greedyAllocation(problem: AllocationProblem): GreedyAllocationResult {
  validateAllocationProblem(problem);
  const index = indexAllocationProblem(problem);
  const amounts = greedyAmounts(index);
  return { objective: objectiveOf(index, amounts), allocations: allocationsOf(index, amounts) };
}

/** Whole-dollar greedy amounts, one per candidate. */
export function greedyAmounts(index: AllocationIndex): Float64Array {
  const amounts = new Float64Array(index.candidateCount);
  const offerLeft = index.offerRemaining.slice();
  const needLeft = index.needUnfunded.slice();
  const countryLeft = new Float64Array(index.countryCodes.length).fill(index.maxCountryUsd);
  for (const c of index.byScoreDescending) {
    const offer = index.offerOf[c];
    const need = index.needOf[c];
    const country = index.countryOf[c];
    const amount = Math.min(index.upperOf[c], offerLeft[offer], needLeft[need], countryLeft[country]);
    if (amount >= index.lowerOf[c]) {
      amounts[c] = amount;
      offerLeft[offer] -= amount;
      needLeft[need] -= amount;
      countryLeft[country] -= amount;
    }
  }
  repairToFeasible(index, amounts);
  return amounts;
}
