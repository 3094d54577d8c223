import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LoggingModule } from '../common/logging.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { MatchingCoreModule } from '../matching/matching-core.module';
import { MetricsEndpointModule } from '../metrics/metrics-endpoint.module';
import { NationalReportLinksModule } from '../reports/national-report-links.module';
import { NotificationDeliveryModule } from '../notifications/notification-delivery.module';
import { NotificationOutboxModule } from '../notifications/outbox/notification-outbox.module';
import { ProgressRemindersModule } from '../pairings/progress/progress-reminders.module';
import { AllocationPlanJobsModule } from '../pairings/allocation/plans/allocation-plan-jobs.module';
import { QueueModule } from '../queue/queue.module';
import { ReferenceModule } from '../reference/reference.module';
import { ENTITIES } from './entities';

/**
 * The worker process: consumes matching, allocation-plan and notification jobs from BullMQ, and
 * publishes the matching engine's proposals to API subscribers through Redis. No HTTP but its metrics
 * (on METRICS_PORT), no GraphQL, and it never migrates the schema (the API does, before it serves).
 */
@Module({
  imports: [
    ConfigModule,
    LoggingModule.forRoot('worker'),
    MetricsEndpointModule,
    DatabaseModule.forRoot({ runMigrations: false, entities: ENTITIES }),
    ReferenceModule,
    AuditModule,
    QueueModule.forRoot('worker'),
    NationalReportLinksModule,
    NotificationOutboxModule,
    MatchingCoreModule,
    AllocationPlanJobsModule,
    ProgressRemindersModule,
    NotificationDeliveryModule,
  ],
})
export class WorkerModule {}
