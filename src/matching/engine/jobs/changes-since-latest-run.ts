import { GiveWay, JobContext, QueuedJob } from '../../../queue/job-queue';
import { BeforeEachWrite, MatchingEngine } from '../matching-engine';

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
 * Stops a rescoring between its transactions when a job goes ahead of it (a full run, above all):
 * the job goes back to the queue and runs again afterwards, when the jobs a run started meanwhile
 * has covered are left out as above. So a full run started during a backlog waits for one
 * transaction of the rescoring it finds running, not the whole of it.
 */
export function giveWayToJobsAhead(context: JobContext): BeforeEachWrite {
  return async () => {
    if (await context.jobsWaitingAhead()) throw new GiveWay();
  };
}
