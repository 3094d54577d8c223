import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../../../common/worker-threads/start-worker-thread';
import { FullRunScoringInput, ScoredBatch, scoredBatches } from './full-run-scoring';

/** What the thread is asked: to start on a run (and give its first batch), or to give the next batch. */
export type ScoringThreadRequest = { run: FullRunScoringInput } | 'next';

/** What the scoring thread answers each request with: the next batch, the end of the run, or why it failed. */
export type ScoringThreadReply = { batch: ScoredBatch } | { done: true } | { failure: string };

/**
 * A full run's scoring. A large run is scored in a thread of its own, one batch ahead of the caller:
 * while the caller writes batch k (the database driver keeps the main thread busy), the thread
 * scores batch k + 1, so the run uses both cores and holds at most two batches at once. The thread
 * starts with `start`, so it boots while the caller loads the run's inputs. A small run is scored
 * inline. Either way the batches are the same.
 */
export class FullRunScoring {
  private constructor(private readonly thread: Worker | null) {}

  static start({ inThread }: { inThread: boolean }): FullRunScoring {
    if (!inThread) return new FullRunScoring(null);
    return new FullRunScoring(startWorkerThread(join(__dirname, 'scoring-thread-entry')));
  }

  /**
   * The run's batches. A thread is handed the inputs at once, so the caller keeps none of them
   * while the run is written; inline scoring keeps them to the end.
   */
  batches(input: FullRunScoringInput): AsyncGenerator<ScoredBatch, void, undefined> {
    if (!this.thread) return inline(input);
    return this.repliesTo(this.request(this.thread, { run: input }));
  }

  /** Ends the thread, if there is one; call it however the run ends. */
  async close(): Promise<void> {
    await this.thread?.terminate();
  }

  private async *repliesTo(first: Promise<ScoringThreadReply>): AsyncGenerator<ScoredBatch, void, undefined> {
    let pending = first;
    for (;;) {
      const reply = await pending;
      if ('failure' in reply) throw new Error(reply.failure);
      if ('done' in reply) return;
      pending = this.request(this.thread!, 'next');
      yield reply.batch;
    }
  }

  private request(thread: Worker, message: ScoringThreadRequest): Promise<ScoringThreadReply> {
    const reply = nextReply(thread);
    // A failure while the caller is still writing the previous batch is seen at the next await.
    reply.catch(() => undefined);
    thread.postMessage(message);
    return reply;
  }
}

async function* inline(input: FullRunScoringInput): AsyncGenerator<ScoredBatch, void, undefined> {
  yield* scoredBatches(input);
}

/** The thread's next reply; listening starts before the request is posted, so no reply goes unheard. */
function nextReply(thread: Worker): Promise<ScoringThreadReply> {
  return new Promise((resolve, reject) => {
    const stopListening = () => {
      thread.off('message', onMessage);
      thread.off('error', onError);
      thread.off('exit', onExit);
    };
    const onMessage = (reply: ScoringThreadReply) => {
      stopListening();
      resolve(reply);
    };
    const onError = (error: Error) => {
      stopListening();
      reject(error);
    };
    const onExit = (code: number) => {
      stopListening();
      reject(new Error(`The scoring thread ended (exit code ${code}) before the run's last batch`));
    };
    thread.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}
