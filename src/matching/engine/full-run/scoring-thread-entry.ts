import { parentPort } from 'node:worker_threads';
import { ScoredBatch, scoredBatches } from './full-run-scoring';
import type { ScoringThreadReply, ScoringThreadRequest } from './scoring-thread-client';

/** The run `FullRunScoring` handed to this thread, scored one batch per request. */
let batches: Generator<ScoredBatch, void, undefined> | null = null;

parentPort!.on('message', (request: ScoringThreadRequest) => {
  let reply: ScoringThreadReply;
  try {
    if (request !== 'next') batches = scoredBatches(request.run);
    if (!batches) throw new Error('The scoring thread was asked for a batch before it was given a run');
    const next = batches.next();
    reply = next.done ? { done: true } : { batch: next.value };
  } catch (error) {
    reply = { failure: error instanceof Error ? error.message : String(error) };
  }
  // The typed arrays move to the main thread instead of being copied.
  const transfer = 'batch' in reply ? [reply.batch.needIndexes.buffer, reply.batch.offerIndexes.buffer, reply.batch.scores.buffer] : [];
  parentPort!.postMessage(reply, transfer);
});
