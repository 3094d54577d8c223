/**
 * Following the job queue and full runs as the Secretariat does, through the API: the `jobQueue`
 * query until the queue is empty, and a full run from `startMatchingRun` until `matchingRun` says
 * SUCCEEDED. Each wait has a time limit; running over it, or a failed run, is a `Failure`.
 */
import { GraphQLClient, millisecondsSince, sleep } from './service-process';

export const QUEUE_POLL_MS = 100;
const FULL_RUN_GIVE_UP_MS = 300_000;

const JOB_QUEUE = 'query JobQueue { jobQueue { counts { waiting active delayed failed } pendingHandOver } }';
const START_RUN = 'mutation StartRun { startMatchingRun { id } }';
const RUN_STATUS = 'query Run($id: ID!) { matchingRun(id: $id) { status durationMs error } }';

/** A step of a benchmark that did not end as it should: printed as a failure, without a stack trace. */
export class Failure extends Error {}

export interface QueueState {
  counts: { waiting: number; active: number; delayed: number; failed: number } | null;
  pendingHandOver: number;
}

export async function readQueue(client: GraphQLClient): Promise<QueueState> {
  const { jobQueue } = await client.request<{ jobQueue: QueueState }>(JOB_QUEUE);
  return jobQueue;
}

/**
 * Waits until nothing waits, runs, waits for a retry or waits to be handed over, seen twice in a row;
 * the milliseconds from `since` to the first of those reads.
 */
export async function untilQueueEmpty(client: GraphQLClient, since: bigint, timeoutMs: number): Promise<number> {
  let emptySince: number | null = null;
  for (;;) {
    const jobQueue = await readQueue(client);
    const { counts } = jobQueue;
    const empty = counts !== null && counts.waiting + counts.active + counts.delayed === 0 && jobQueue.pendingHandOver === 0;
    const elapsed = millisecondsSince(since);
    if (empty && emptySince !== null) {
      if (counts.failed > 0) console.log(`  note: ${counts.failed} jobs failed on their last attempt`);
      return emptySince;
    }
    emptySince = empty ? elapsed : null;
    if (elapsed > timeoutMs)
      throw new Failure(`the queue was still not empty after ${timeoutMs / 1000} s: ${JSON.stringify(jobQueue)} — DRAIN TIMED OUT`);
    await sleep(QUEUE_POLL_MS);
  }
}

/** A full run as the Secretariat starts it: the wall time until it is seen SUCCEEDED, and the run's own `durationMs`. */
export async function fullRun(client: GraphQLClient): Promise<{ wallMs: number; durationMs: number }> {
  const start = process.hrtime.bigint();
  const { startMatchingRun } = await client.request<{ startMatchingRun: { id: string } }>(START_RUN);
  for (;;) {
    const { matchingRun } = await client.request<{ matchingRun: { status: string; durationMs: number | null; error: string | null } }>(
      RUN_STATUS,
      { id: startMatchingRun.id },
    );
    if (matchingRun.status === 'SUCCEEDED') return { wallMs: millisecondsSince(start), durationMs: matchingRun.durationMs ?? NaN };
    if (matchingRun.status === 'FAILED') throw new Failure(`full run ${startMatchingRun.id} failed: ${matchingRun.error}`);
    if (millisecondsSince(start) > FULL_RUN_GIVE_UP_MS)
      throw new Failure(`full run ${startMatchingRun.id} was still ${matchingRun.status} after ${FULL_RUN_GIVE_UP_MS / 1000} s`);
    await sleep(QUEUE_POLL_MS);
  }
}
