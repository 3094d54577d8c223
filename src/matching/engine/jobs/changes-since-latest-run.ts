import { NeedChangedJobData } from '../../../needs/need-changes';
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
 * Between the transactions of a rescoring. When a full run waits to start, the rescoring stops there:
 * the job goes back to the queue and runs again after the run, when the changes the run covered are
 * left out as above. So a full run started during a backlog waits for one transaction of the
 * rescoring it finds running, not the whole of it. Only a full run: it does the rescoring's work too,
 * where giving way to any other job would start the batch over for nothing.
 *
 * Bulk work (`laneAhead`: the person lane's job) instead runs here the needs people changed
 * meanwhile, and leaves them out of its own remaining transactions: a person's need waits for one
 * transaction of a long batch of bulk work, not its end.
 */
export function betweenWrites(context: JobContext, laneAhead: string | null): BeforeEachWrite {
  return async () => {
    if (await context.waitsAhead(FULL_RUN_JOB)) throw new GiveWay();
    if (!laneAhead) return [];
    return (await context.runWaiting<NeedChangedJobData>(laneAhead)).map(({ needId }) => needId);
  };
}
