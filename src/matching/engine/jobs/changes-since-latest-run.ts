import { GiveWay, JobContext, QueuedJob } from '../../../queue/job-queue';
import { BeforeEachWrite, MatchingEngine } from '../matching-engine';
import { FULL_RUN_JOB } from './full-run.job';

/**
 * The changes a successful full run has not covered yet. A job is queued after its change has
 * committed, and a run reads needs and offers after it starts, so a job queued before the latest
 * successful run started asks for nothing that run did not score. Full runs go ahead of rescoring
 * jobs in the queue, so a run started during a backlog turns the backlog behind it into no-ops.
 * (The API and the worker stamp these times with their own clocks, which must agree.)
 */
export async function changedSinceLatestRun<T>(engine: MatchingEngine, jobs: readonly QueuedJob<T>[]): Promise<T[]> {
  const { startedAt } = await engine.latestRun();
  return jobs.filter((job) => !startedAt || job.queuedAt >= startedAt).map((job) => job.data);
}

/**
 * Stops a rescoring between its transactions when a full run waits to start: the job goes back to
 * the queue and runs again after the run, when the changes the run covered are left out as above.
 * So a full run started during a backlog waits for one transaction of the rescoring it finds
 * running, not the whole of it. Only a full run: it does the rescoring's work too, where giving way
 * to any other job would start the batch over for nothing.
 */
export function giveWayToFullRun(context: JobContext): BeforeEachWrite {
  return async () => {
    if (await context.waitsAhead(FULL_RUN_JOB)) throw new GiveWay();
  };
}
