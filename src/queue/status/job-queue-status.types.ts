import { ArgsType, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { MAX_PAGE_SIZE } from '../../common/pagination/connection';
import { FAILED_JOBS_KEPT } from '../in-process-job-queue';

/** Failed jobs listed when `first` is not given. */
export const DEFAULT_FAILED_JOBS = 20;

export enum QueueDriver {
  BULLMQ = 'BULLMQ',
  IN_PROCESS = 'IN_PROCESS',
}
registerEnumType(QueueDriver, {
  name: 'QueueDriver',
  description: 'BULLMQ: jobs wait in Redis for the worker processes (REDIS_URL set). IN_PROCESS: the API runs them itself, one at a time.',
});

@ObjectType({ description: 'A matching or allocation job that failed on its last attempt.' })
export class FailedJob {
  @Field(() => ID, { description: 'The job id: the job name and the outbox message it came from.' })
  id: string;

  @Field({
    description: 'What the job does: rescore-need (rescore-need-bulk in the bulk lane), rescore-offer, full-run or propose-allocation.',
  })
  name: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'What the job was given, e.g. the need or offer it rescores.' })
  data: unknown;

  @Field({ description: 'The error of the last attempt.' })
  reason: string;

  @Field(() => Int, { description: 'Attempts made, retries included.' })
  attempts: number;

  @Field(() => GraphQLISODateTime, { description: 'When the last attempt failed.' })
  failedAt: Date;
}

@ObjectType({ description: 'How many jobs are in each state.' })
export class JobCounts {
  @Field(() => Int, { description: 'Jobs waiting for a worker.' })
  waiting: number;

  @Field(() => Int, { description: 'Jobs running now.' })
  active: number;

  @Field(() => Int, { description: 'Jobs waiting to be retried after a failed attempt.' })
  delayed: number;

  @Field(() => Int, { description: 'Jobs that failed on their last attempt and will not run again.' })
  failed: number;
}

@ObjectType({
  description:
    'The queue of matching and allocation jobs: what waits, runs and failed, and the changes not yet handed to it. ' +
    `With BULLMQ failed jobs stay in Redis; IN_PROCESS keeps the latest ${FAILED_JOBS_KEPT} until the API restarts (the log has them all). ` +
    'While Redis is away, counts and failedJobs are null with a SERVICE_UNAVAILABLE error, and pendingHandOver still answers.',
})
export class JobQueueStatus {
  @Field(() => QueueDriver, { description: 'Where jobs run.' })
  driver: QueueDriver;

  @Field(() => Int, {
    description:
      'Changes whose rescoring has not been handed to the queue yet (the outbox): it grows while Redis is away and drains once it is back.',
  })
  pendingHandOver: number;
}

@ArgsType()
export class FailedJobsArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many to list, the latest first (1–${MAX_PAGE_SIZE}, default ${DEFAULT_FAILED_JOBS}).`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;
}
