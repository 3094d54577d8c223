import { Injectable } from '@nestjs/common';
import { NEED_CHANGED_JOB, NeedChangedJobData } from '../../../needs/need-changes';
import { JobHandler } from '../../../queue/job-queue';
import { MatchingEngine } from '../matching-engine';

/** A need was created, changed, published or withdrawn: rescore it against every live offer. */
@Injectable()
export class RescoreNeedJob implements JobHandler<NeedChangedJobData> {
  readonly jobName = NEED_CHANGED_JOB;

  constructor(private readonly engine: MatchingEngine) {}

  handle({ needId }: NeedChangedJobData): Promise<void> {
    return this.engine.rescoreNeed(needId);
  }
}
