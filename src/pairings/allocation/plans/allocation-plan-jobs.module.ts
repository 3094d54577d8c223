import { Module } from '@nestjs/common';
import { MetricsModule } from '../../../metrics/metrics.module';
import { AllocationPlanSolver } from './allocation-plan-solver';
import { ProposeAllocationJob } from './propose-allocation.job';

/**
 * Solving allocation plans, with no GraphQL: the worker process imports only this; the API imports it
 * through PairingsModule and runs the job itself when there is no Redis.
 */
@Module({
  imports: [MetricsModule],
  providers: [AllocationPlanSolver, ProposeAllocationJob],
})
export class AllocationPlanJobsModule {}
