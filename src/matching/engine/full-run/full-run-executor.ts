import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../../access/actor';
import { NotFoundError } from '../../../common/errors/domain-errors';
import { Metrics } from '../../../metrics/metrics';
import { JobContext } from '../../../queue/job-queue';
import { MatchingRun, MatchingRunStatus } from '../../entities/matching-run.entity';
import { MatchingEngine } from '../matching-engine';
import { resolveWeights, WeightOverrides } from '../scoring';

/** Nothing to do for a run in these states: a repeated job finds it already settled. */
const SETTLED = [MatchingRunStatus.SUCCEEDED, MatchingRunStatus.FAILED];

/**
 * Carries out full runs and keeps their record right: RUNNING while a worker has it, SUCCEEDED
 * with counts and duration, or FAILED with the error once the last attempt fails. A run cut off
 * by a crash is simply run again (every write is an idempotent upsert).
 */
@Injectable()
export class FullRunExecutor {
  private readonly logger = new Logger('FullRunExecutor');

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: MatchingEngine,
    private readonly metrics: Metrics,
  ) {}

  /**
   * A full run started and finished in this process, without the queue: for scripts (demo data,
   * benchmarks) that need the result before they go on. Invalid weights throw BAD_USER_INPUT.
   */
  async runFull(weights: WeightOverrides | null, actor: Actor | null): Promise<MatchingRun> {
    const run = await this.dataSource.getRepository(MatchingRun).save(
      Object.assign(new MatchingRun(), {
        startedById: actor?.userId ?? null,
        weights: resolveWeights(weights),
        status: MatchingRunStatus.QUEUED,
      }),
    );
    await this.executeRun(run.id, { jobId: `direct-${run.id}`, attempt: 1, isLastAttempt: true, queuedAt: new Date() });
    return this.dataSource.getRepository(MatchingRun).findOneByOrFail({ id: run.id });
  }

  /** The full-run job: rethrows a failure so the queue retries; on the last attempt the run is FAILED. */
  async executeRun(runId: string, context: JobContext): Promise<void> {
    const runs = this.dataSource.getRepository(MatchingRun);
    const run = await runs.findOneBy({ id: runId });
    if (!run) throw new NotFoundError('MatchingRun', runId);
    if (SETTLED.includes(run.status)) return;
    const startedAt = new Date();
    await runs.update(runId, { status: MatchingRunStatus.RUNNING, startedAt, error: null, pairsScored: 0, matchesUpserted: 0 });
    try {
      const result = await this.engine.scoreEverything(resolveWeights(run.weights), runId);
      const finishedAt = new Date();
      const durationMs = finishedAt.getTime() - startedAt.getTime();
      await runs.update(runId, { ...result, status: MatchingRunStatus.SUCCEEDED, finishedAt, durationMs });
      this.recordRun('succeeded', durationMs, result.pairsScored);
    } catch (error) {
      this.recordRun('failed', Date.now() - startedAt.getTime(), 0);
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`Matching run ${runId} failed on attempt ${context.attempt}: ${message}`);
      await runs.update(
        runId,
        context.isLastAttempt
          ? { status: MatchingRunStatus.FAILED, error: message, finishedAt: new Date() }
          : { status: MatchingRunStatus.QUEUED, error: message },
      );
      throw error;
    }
  }

  private recordRun(outcome: 'succeeded' | 'failed', durationMs: number, pairsScored: number): void {
    this.metrics.matchingRunDuration.observe({ outcome }, durationMs / 1000);
    if (outcome === 'failed') return;
    this.metrics.matchingPairsScored.inc(pairsScored);
    this.metrics.matchingPairsPerSecond.set(pairsScored / Math.max(durationMs / 1000, 0.001));
  }
}
