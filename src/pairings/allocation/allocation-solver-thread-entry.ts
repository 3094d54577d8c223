import { parentPort, workerData } from 'node:worker_threads';
import { solveAllocation } from './allocation-solver';
import { AllocationProblem } from './allocation.types';
import { SolverThreadReply } from './allocation-solver-thread-client';

/** Runs one solve in the thread `solveAllocationInThread` started, and reports how it went. */
solveAllocation(workerData as AllocationProblem).then(
  (result) => parentPort!.postMessage({ result } satisfies SolverThreadReply),
  (error: unknown) =>
    parentPort!.postMessage({ failure: error instanceof Error ? error.message : String(error) } satisfies SolverThreadReply),
);
