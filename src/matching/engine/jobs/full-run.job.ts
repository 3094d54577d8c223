import { Injectable } from '@nestjs/common';
import { JobContext, PartOutcomes, SplitJobHandler } from '../../../queue/job-queue';
import { FullRunExecutor, FullRunPart } from '../full-run/full-run-executor';
import { FullRunProgress } from '../matching-engine';

export const FULL_RUN_JOB = 'full-run';
export const FULL_RUN_PART_JOB = 'full-run-part';

export interface FullRunJobData {
  runId: string;
}

/**
 * The Secretariat started a full run: every live need against every live offer. With workers in
 * their own processes, the needs are divided among the workers running, one part each; without
 * them, the API runs the whole run.
 */
@Injectable()
export class FullRunJob implements SplitJobHandler<FullRunJobData, FullRunPart, FullRunProgress> {
  readonly jobName = FULL_RUN_JOB;
  readonly partJobName = FULL_RUN_PART_JOB;

  constructor(private readonly runner: FullRunExecutor) {}

  handle({ runId }: FullRunJobData, context: JobContext): Promise<void> {
    return this.runner.executeRun(runId, context);
  }

  split({ runId }: FullRunJobData, workers: number, context: JobContext): Promise<FullRunPart[]> {
    return this.runner.begin(runId, workers, context);
  }

  runPart(part: FullRunPart): Promise<FullRunProgress> {
    return this.runner.scorePart(part);
  }

  finish({ runId }: FullRunJobData, outcomes: PartOutcomes<FullRunProgress>, context: JobContext): Promise<void> {
    return this.runner.finish(runId, outcomes, context);
  }
}
