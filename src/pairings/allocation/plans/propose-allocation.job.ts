import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobContext, JobHandler, JobQueue } from '../../../queue/job-queue';
import { AllocationPlanSolver } from './allocation-plan-solver';

export const PROPOSE_ALLOCATION_JOB = 'propose-allocation';

export interface ProposeAllocationJobData {
  planId: string;
}

/**
 * The Secretariat asked for an allocation plan: solve it. The only job of the pairings feature, so
 * it registers itself with the queue where this process runs jobs (see JobQueue.consumesHere).
 */
@Injectable()
export class ProposeAllocationJob implements JobHandler<ProposeAllocationJobData>, OnModuleInit {
  readonly jobName = PROPOSE_ALLOCATION_JOB;

  constructor(
    private readonly solver: AllocationPlanSolver,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    if (this.queue.consumesHere) this.queue.register([this]);
  }

  handle({ planId }: ProposeAllocationJobData, context: JobContext): Promise<void> {
    return this.solver.solve(planId, context);
  }
}
