import { BeforeApplicationShutdown, DynamicModule, Global, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { BullMqJobQueue } from './bullmq-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobQueue } from './job-queue';
import { PersonLane } from './lanes/person-lane';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';
import { QUEUE_ROLE, QueueRole } from './queue-role';

/**
 * The job queue: BullMQ when REDIS_URL is set, the API process itself otherwise. Global, because
 * every feature that changes data may ask for jobs through the outbox.
 */
@Global()
@Module({})
export class QueueModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly queue: JobQueue,
  ) {}

  /** Features register their handlers in onModuleInit, which has run everywhere by now. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.queue.consumesHere) await this.queue.start();
  }

  /** Before the database closes: hand over what is pending and stop (OutboxRelay.stop), then let the running job finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.queue.close();
  }

  static forRoot(role: QueueRole): DynamicModule {
    return {
      module: QueueModule,
      providers: [
        { provide: QUEUE_ROLE, useValue: role },
        {
          provide: JobQueue,
          inject: [AppConfig],
          useFactory: (config: AppConfig): JobQueue =>
            config.REDIS_URL ? new BullMqJobQueue(config, role === 'worker') : new InProcessJobQueue(),
        },
        OutboxWriter,
        OutboxRelay,
        PersonLane,
      ],
      exports: [JobQueue, OutboxWriter, OutboxRelay, PersonLane, QUEUE_ROLE],
    };
  }
}
