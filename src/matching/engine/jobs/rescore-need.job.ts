import { Injectable } from '@nestjs/common';
import { NEED_CHANGED_IN_BULK_JOB, NEED_CHANGED_JOB, NeedChangedJobData } from '../../../needs/need-changes';
import { BatchJobHandler, JobContext, QueuedJob } from '../../../queue/job-queue';
import { MatchingEngine } from '../matching-engine';
import { betweenWrites, changedSinceLatestRun } from './changes-since-latest-run';

/**
 * Needs were created, changed, published or withdrawn: rescore each against every live offer. The
 * needs waiting are scored together, each once however often it changed, against offers prepared once.
 */
@Injectable()
export class RescoreNeedJob implements BatchJobHandler<NeedChangedJobData> {
  readonly jobName: string = NEED_CHANGED_JOB;
  readonly maxJobs = 500;
  /** The lane whose waiting jobs this one runs between its transactions: none, for the person lane. */
  protected readonly laneAhead: string | null = null;

  constructor(private readonly engine: MatchingEngine) {}

  handle(data: NeedChangedJobData, context: JobContext): Promise<void> {
    return this.handleBatch([{ data, queuedAt: context.queuedAt }], context);
  }

  async handleBatch(jobs: readonly QueuedJob<NeedChangedJobData>[], context: JobContext): Promise<void> {
    const changed = await changedSinceLatestRun(this.engine, jobs);
    await this.engine.rescoreNeeds([...new Set(changed.map(({ needId }) => needId))], betweenWrites(context, this.laneAhead));
  }
}

/** The same for the needs of the bulk lane, which wait behind the person lane (see PersonLane). */
@Injectable()
export class RescoreBulkNeedJob extends RescoreNeedJob {
  override readonly jobName = NEED_CHANGED_IN_BULK_JOB;
  protected override readonly laneAhead = NEED_CHANGED_JOB;
}
