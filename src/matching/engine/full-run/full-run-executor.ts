import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../../access/actor';
import { NotFoundError } from '../../../common/errors/domain-errors';
import { updateRows } from '../../../database/update-rows';
import { Metrics } from '../../../metrics/metrics';
import { IN_ARRIVAL_ORDER, JobContext, PartOutcomes } from '../../../queue/job-queue';
import { MatchingRun, MatchingRunStatus } from '../../entities/matching-run.entity';
import { FullRunProgress, MatchingEngine } from '../matching-engine';
import { NeedIdRange } from '../scoring-input.repository';
import { resolveWeights, WeightOverrides } from '../scoring';

/** Nothing to do for a run in these states: a repeated job finds it already settled. */
const SETTLED = [MatchingRunStatus.SUCCEEDED, MatchingRunStatus.FAILED];

/** One part of a full run: the live needs of a range of ids against every live offer. */
export interface FullRunPart extends NeedIdRange {
  runId: string;
}

/**
 * Carries out full runs and keeps their record right: RUNNING while workers have it, SUCCEEDED
 * with counts and duration, or FAILED with the error once the last attempt fails. A run is begun
 * (divided into parts), its parts are scored, side by side when several workers run them, and it
 * is finished once they all have ended. A step cut off by a crash is simply run again (every write
 * is an idempotent upsert).
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
    const run = await this.dataSource.transaction((manager) =>
      manager.save(
        Object.assign(new MatchingRun(), {
          startedById: actor?.userId ?? null,
          weights: resolveWeights(weights),
          status: MatchingRunStatus.QUEUED,
        }),
      ),
    );
    await this.executeRun(run.id, {
      jobId: `direct-${run.id}`,
      attempt: 1,
      isLastAttempt: true,
      queuedAt: new Date(),
      ...IN_ARRIVAL_ORDER,
    });
    return this.dataSource.getRepository(MatchingRun).findOneByOrFail({ id: run.id });
  }

  /** The whole run in this process, as one part: rethrows a failure so the queue retries; on the last attempt the run is FAILED. */
  executeRun(runId: string, context: JobContext): Promise<void> {
    return this.recordingFailure(runId, context, async () => {
      const results: FullRunProgress[] = [];
      for (const part of await this.divide(runId, 1)) results.push(await this.scorePart(part));
      await this.close(runId, { results, failures: [] });
    });
  }

  /** Marks the run RUNNING and divides its needs into at most `parts` parts; none for a settled run. */
  begin(runId: string, parts: number, context: JobContext): Promise<FullRunPart[]> {
    return this.recordingFailure(runId, context, () => this.divide(runId, parts));
  }

  /** Scores one part with the run's weights; a part of a run already settled does nothing. */
  async scorePart(part: FullRunPart): Promise<FullRunProgress> {
    const run = await this.dataSource.getRepository(MatchingRun).findOneBy({ id: part.runId });
    if (!run || SETTLED.includes(run.status)) return { pairsScored: 0, matchesUpserted: 0 };
    return this.engine.scoreRunPart(resolveWeights(run.weights), part.runId, part);
  }

  /**
   * Closes a run whose parts have all ended: FAILED if any part failed for good (each was retried
   * already), otherwise SUCCEEDED with the parts' counts added up, once the proposals of needs and
   * offers no longer live are superseded.
   */
  finish(runId: string, outcomes: PartOutcomes<FullRunProgress>, context: JobContext): Promise<void> {
    return this.recordingFailure(runId, context, () => this.close(runId, outcomes));
  }

  private async divide(runId: string, parts: number): Promise<FullRunPart[]> {
    const runs = this.dataSource.getRepository(MatchingRun);
    const run = await runs.findOneBy({ id: runId });
    if (!run) throw new NotFoundError('MatchingRun', runId);
    if (SETTLED.includes(run.status)) return [];
    await updateRows(
      this.dataSource,
      MatchingRun,
      { id: runId },
      { status: MatchingRunStatus.RUNNING, startedAt: new Date(), error: null, pairsScored: 0, matchesUpserted: 0 },
    );
    return (await this.engine.needRanges(parts)).map((range) => ({ runId, ...range }));
  }

  private async close(runId: string, { results, failures }: PartOutcomes<FullRunProgress>): Promise<void> {
    const runs = this.dataSource.getRepository(MatchingRun);
    const run = await runs.findOneBy({ id: runId });
    if (!run || SETTLED.includes(run.status)) return;
    const startedAt = run.startedAt ?? new Date();
    if (failures.length) {
      const error = `${failures.length} part(s) of the run failed: ${failures.join('; ')}`;
      this.logger.error(`Matching run ${runId} failed: ${error}`);
      this.recordRun('failed', Date.now() - startedAt.getTime(), 0);
      await updateRows(this.dataSource, MatchingRun, { id: runId }, { status: MatchingRunStatus.FAILED, error, finishedAt: new Date() });
      return;
    }
    await this.engine.supersedeDeadPairs();
    const totals = {
      pairsScored: results.reduce((sum, part) => sum + part.pairsScored, 0),
      matchesUpserted: results.reduce((sum, part) => sum + part.matchesUpserted, 0),
    };
    const finishedAt = new Date();
    const durationMs = finishedAt.getTime() - startedAt.getTime();
    await updateRows(
      this.dataSource,
      MatchingRun,
      { id: runId },
      { ...totals, status: MatchingRunStatus.SUCCEEDED, finishedAt, durationMs },
    );
    this.recordRun('succeeded', durationMs, totals.pairsScored);
  }

  /** Runs a step of the job; if it fails, the run waits for the retry as QUEUED, or is FAILED after the last attempt. */
  private async recordingFailure<T>(runId: string, context: JobContext, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      await this.recordFailure(runId, error, context);
      throw error;
    }
  }

  private async recordFailure(runId: string, error: unknown, context: JobContext): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const runs = this.dataSource.getRepository(MatchingRun);
    const run = await runs.findOneBy({ id: runId });
    this.recordRun('failed', run?.startedAt ? Date.now() - run.startedAt.getTime() : 0, 0);
    this.logger.error(`Matching run ${runId} failed on attempt ${context.attempt}: ${message}`);
    await updateRows(
      this.dataSource,
      MatchingRun,
      { id: runId },
      context.isLastAttempt
        ? { status: MatchingRunStatus.FAILED, error: message, finishedAt: new Date() }
        : { status: MatchingRunStatus.QUEUED, error: message },
    );
  }

  private recordRun(outcome: 'succeeded' | 'failed', durationMs: number, pairsScored: number): void {
    this.metrics.matchingRunDuration.observe({ outcome }, durationMs / 1000);
    if (outcome === 'failed') return;
    this.metrics.matchingPairsScored.inc(pairsScored);
    this.metrics.matchingPairsPerSecond.set(pairsScored / Math.max(durationMs / 1000, 0.001));
  }
}
