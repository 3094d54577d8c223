import { join } from 'node:path';
import { startWorkerThread } from '../../common/worker-threads/start-worker-thread';
import { AllocationProblem, AllocationResult } from './allocation.types';

/** What the solver thread posts back: the result, or why the solve failed. */
export type SolverThreadReply = { result: AllocationResult } | { failure: string };

/**
 * `solveAllocation` in a thread of its own. HiGHS runs synchronously, for up to the solve's time
 * limit (a minute by default): on the main thread it would hold up every request of the API process
 * and, in a worker, the renewal of the queue job's lock. The thread loads its own HiGHS runtime
 * and ends with the solve.
 */
export function solveAllocationInThread(problem: AllocationProblem): Promise<AllocationResult> {
  return new Promise((resolve, reject) => {
    const thread = startWorkerThread(join(__dirname, 'allocation-solver-thread-entry'), { workerData: problem });
    thread.once('message', (reply: SolverThreadReply) => {
      if ('result' in reply) resolve(reply.result);
      else reject(new Error(reply.failure));
      void thread.terminate();
    });
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`The allocation solver thread ended (exit code ${code}) without an answer`)));
  });
}
