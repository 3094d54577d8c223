import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { StaffOnly } from '../../access/access.decorators';
import { ServiceUnavailableError } from '../../common/errors/domain-errors';
import { BullMqJobQueue } from '../bullmq-job-queue';
import { JobQueue } from '../job-queue';
import { OutboxRelay } from '../outbox/outbox-relay';
import { DEFAULT_FAILED_JOBS, FailedJob, FailedJobsArgs, JobCounts, JobQueueStatus, QueueDriver } from './job-queue-status.types';

/** The job queue as the Secretariat follows it: counts by state, failed jobs, the outbox's backlog. */
@Resolver(() => JobQueueStatus)
export class JobQueueStatusResolver {
  constructor(
    private readonly queue: JobQueue,
    private readonly relay: OutboxRelay,
  ) {}

  @StaffOnly()
  @Query(() => JobQueueStatus, {
    description: 'The matching and allocation job queue: jobs by state, failed jobs, changes not yet queued.',
  })
  async jobQueue(): Promise<JobQueueStatus> {
    return {
      driver: this.queue instanceof BullMqJobQueue ? QueueDriver.BULLMQ : QueueDriver.IN_PROCESS,
      pendingHandOver: await this.relay.pendingCount(),
    };
  }

  @ResolveField(() => JobCounts, { nullable: true, description: 'Jobs by state; null (with an error) while the queue cannot be read.' })
  counts(): Promise<JobCounts> {
    return unavailableAsError(this.queue.counts());
  }

  @ResolveField(() => [FailedJob], {
    nullable: true,
    description: 'The jobs that failed on their last attempt, the latest first; null (with an error) while the queue cannot be read.',
  })
  failedJobs(@Args() { first }: FailedJobsArgs): Promise<FailedJob[]> {
    return unavailableAsError(this.queue.failedJobs(first ?? DEFAULT_FAILED_JOBS));
  }
}

/** A queue that cannot be read now (Redis away) is the client's to retry, not an internal error. */
function unavailableAsError<T>(read: Promise<T>): Promise<T> {
  return read.catch((error: unknown) => {
    throw new ServiceUnavailableError(`The job queue cannot be read now: ${error instanceof Error ? error.message : String(error)}`);
  });
}
