import { performance } from 'node:perf_hooks';
import loadHighs, { Highs } from 'highs';
import { allocationsOf, indexAllocationProblem, objectiveOf } from './allocation-index';
import { optimiseAllocation, OptimiserOutcome } from './allocation-optimiser';
import { AllocationProblem, AllocationResult, AllocationStatus } from './allocation.types';
import { validateAllocationProblem } from './allocation-problem-validator';
import { repairToFeasible } from './feasibility-repair';
import { geographicInfeasibilityReason } from './geographic-balance';
import { greedyAmounts } from './greedy-allocation';

const DEFAULT_TIME_LIMIT_SECONDS = 60;

/**
 * HiGHS meets bounds and rows to 1e-7 model units; ten times that, in dollars, is how far below a
 * whole dollar a solver amount may lie and still count as that dollar.
 */
const ROUNDING_SLACK_UNITS = 1e-6;

/** The WebAssembly runtime is compiled once per process and reused by every solve. */
let highsRuntime: Promise<Highs> | undefined;

function loadRuntime(): Promise<Highs> {
  highsRuntime ??= loadHighs();
  return highsRuntime;
}

/**
 * The best allocation of every offer's remaining capacity across the candidate matches:
 * maximise Σ score × allocated USD within offer capacities, grant limits, unfunded amounts and
 * the optional geographic balance. See `AllocationModel` for the linear programme and
 * `optimiseAllocation` for how it is solved and how minimum grants are handled.
 *
 * Whole dollars: the solver works in continuous dollars; its amounts are rounded down and any
 * remaining excess over a limit, or shortfall under a share, is trimmed from the lowest-scored
 * grants (`repairToFeasible`). Rounding down never raises an amount above a limit, so the returned
 * allocation meets every constraint exactly. Without share constraints nothing is lost: the
 * offer, need and country rows form a network matrix, so the optimal vertices are whole dollars
 * already. Shares can make the continuous optimum fractional; what rounding then loses shows as
 * the difference between `objective` and `upperBound` (0.0008% on the benchmark).
 *
 * Never below greedy: the exact solve starts from the greedy allocation (or a better one), and
 * whenever the rounded solver answer still scores below greedy (or the solver fails, runs out of
 * time, or loses feasibility while dropping grants below their minimum) the greedy allocation is
 * returned instead, with `source: 'GREEDY'` and a message.
 *
 * Throws BadUserInputError for an invalid problem; infeasibility, time-outs and solver failures
 * are reported in `status`.
 */
export async function solveAllocation(problem: AllocationProblem): Promise<AllocationResult> {
  const started = performance.now();
  validateAllocationProblem(problem);
  const index = indexAllocationProblem(problem);
  const greedy = greedyAmounts(index);
  const greedyObjective = objectiveOf(index, greedy);
  const built = performance.now();

  const respond = (
    status: AllocationStatus,
    amounts: Float64Array | null,
    details: Pick<AllocationResult, 'upperBound' | 'source'> & { message?: string },
  ): AllocationResult => ({
    status,
    objective: amounts ? objectiveOf(index, amounts) : 0,
    greedyObjective,
    ...details,
    buildMillis: Math.round(built - started),
    solveMillis: Math.round(performance.now() - built),
    allocations: amounts ? allocationsOf(index, amounts) : [],
  });

  if (!index.upperOf.some((upper) => upper > 0)) {
    return respond('OPTIMAL', null, { upperBound: 0, source: 'SOLVER', message: 'No candidate can be funded.' });
  }
  const reason = geographicInfeasibilityReason(index);
  if (reason !== null) return respond('INFEASIBLE', null, { upperBound: 0, source: 'SOLVER', message: reason });

  let outcome: OptimiserOutcome;
  try {
    const timeLimit = problem.options?.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
    outcome = optimiseAllocation(await loadRuntime(), index, greedy, { timeLimitSeconds: timeLimit });
  } catch (error) {
    // A failed run may leave the runtime's heap in a bad state; the next solve starts afresh.
    highsRuntime = undefined;
    const message = `The solver failed (${error instanceof Error ? error.message : String(error)}); the greedy allocation is returned.`;
    return respond('SOLVER_ERROR', greedy, { upperBound: null, source: 'GREEDY', message });
  }

  const { status, upperBound } = outcome;
  if (status === 'INFEASIBLE') {
    if (greedy.some((amount) => amount > 0)) {
      // The greedy allocation meets every constraint, so the solver's verdict is a numerical artefact.
      const message =
        'The solver reported no feasible allocation although the greedy one meets every constraint; the greedy allocation is returned.';
      return respond('SOLVER_ERROR', greedy, { upperBound: null, source: 'GREEDY', message });
    }
    const message = 'No allocation other than giving nothing meets the regional minimum shares and country caps together.';
    return respond('INFEASIBLE', null, { upperBound: 0, source: 'SOLVER', message });
  }
  if (outcome.amounts === null) {
    const why =
      status === 'TIME_LIMIT'
        ? 'The time limit ran out before the solver found an allocation'
        : status === 'FEASIBLE'
          ? 'Dropping grants below their minimum left the solver without a feasible allocation'
          : 'The solver ended without an allocation';
    return respond(status, greedy, {
      upperBound,
      source: 'GREEDY',
      message: `${why}; the greedy allocation is returned.`,
    });
  }

  const amounts = outcome.amounts;
  repairToFeasible(index, amounts, ROUNDING_SLACK_UNITS * outcome.moneyUnitUsd);
  if (objectiveOf(index, amounts) < greedyObjective) {
    const message = 'The solver allocation, rounded to whole dollars, scores below the greedy one, which is returned instead.';
    return respond(status, greedy, { upperBound, source: 'GREEDY', message });
  }
  return respond(status, amounts, { upperBound, source: 'SOLVER' });
}
