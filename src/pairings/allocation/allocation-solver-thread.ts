import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
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
  // Compiled, the thread runs the JavaScript beside this file; from TypeScript sources (tests), through ts-node.
  const script = join(__dirname, `allocation-solver.thread${extname(__filename)}`);
  return new Promise((resolve, reject) => {
    const thread = new Worker(script, {
      workerData: problem,
      execArgv: script.endsWith('.ts') ? ['--require', 'ts-node/register/transpile-only'] : [],
    });
    thread.once('message', (reply: SolverThreadReply) => {
      if ('result' in reply) resolve(reply.result);
      else reject(new Error(reply.failure));
      void thread.terminate();
    });
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`The allocation solver thread ended (exit code ${code}) without an answer`)));
  });
}
