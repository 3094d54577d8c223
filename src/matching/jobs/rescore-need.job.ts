import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../queue/job-queue';
import { MatchingEngine } from '../matching-engine';

export const RESCORE_NEED_JOB = 'rescore-need';

export interface RescoreNeedJobData {
  needId: string;
}

/** A need was created, changed, published or withdrawn: rescore it against every live offer. */
@Injectable()
export class RescoreNeedJob implements JobHandler<RescoreNeedJobData> {
  readonly jobName = RESCORE_NEED_JOB;

  constructor(private readonly engine: MatchingEngine) {}

  handle({ needId }: RescoreNeedJobData): Promise<void> {
    return this.engine.rescoreNeed(needId);
  }
}
