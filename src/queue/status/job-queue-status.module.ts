import { Module } from '@nestjs/common';
import { JobQueueStatusResolver } from './job-queue-status.resolver';

/** The queue's state over GraphQL, for the API process; QueueModule (global) provides the queue and the relay. */
@Module({ providers: [JobQueueStatusResolver] })
export class JobQueueStatusModule {}
