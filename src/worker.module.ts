import { Module } from '@nestjs/common';
import { LoggingModule } from './common/logging.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { MatchingCoreModule } from './matching/matching-core.module';
import { MetricsEndpointModule } from './metrics/metrics-endpoint.module';
import { AllocationPlanJobsModule } from './pairings/plans/allocation-plan-jobs.module';
import { QueueModule } from './queue/queue.module';
import { ReferenceModule } from './reference/reference.module';

/**
 * The worker process: consumes matching and allocation-plan jobs from BullMQ, and publishes the
 * matching engine's proposals to API subscribers through Redis. No HTTP but its metrics (on
 * METRICS_PORT), no GraphQL, and it never migrates the schema (the API does, before it serves).
 */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    MetricsEndpointModule,
    DatabaseModule.forRoot({ runMigrations: false }),
    ReferenceModule,
    QueueModule.forRoot('worker'),
    MatchingCoreModule,
    AllocationPlanJobsModule,
  ],
})
export class WorkerModule {}
