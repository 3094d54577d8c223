import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '../../../queue/job-queue';
import { FullRunExecutor } from '../full-run/full-run-executor';

export const FULL_RUN_JOB = 'full-run';

export interface FullRunJobData {
  runId: string;
}

/** The Secretariat started a full run: every live need against every live offer. */
@Injectable()
export class FullRunJob implements JobHandler<FullRunJobData> {
  readonly jobName = FULL_RUN_JOB;

  constructor(private readonly runner: FullRunExecutor) {}

  handle({ runId }: FullRunJobData, context: JobContext): Promise<void> {
    return this.runner.executeRun(runId, context);
  }
}
