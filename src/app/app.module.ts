import { Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ApiGraphQLModule } from './graphql/graphql.module';
import { LoadersModule } from '../common/graphql/loaders.module';
import { LoggingModule } from '../common/logging.module';
import { InputValidationPipe } from '../common/validation';
import { ConfigModule } from '../config/config.module';
import { ConsoleModule } from '../console/console.module';
import { DatabaseModule } from '../database/database.module';
import { ExportsModule } from '../exports/exports.module';
import { HealthModule } from '../health/health.module';
import { MatchingModule } from '../matching/matching.module';
import { NationalReportLinksModule } from '../reports/national-report-links.module';
import { MetricsEndpointModule } from '../metrics/metrics-endpoint.module';
import { NeedsModule } from '../needs/needs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { NotificationOutboxModule } from '../notifications/outbox/notification-outbox.module';
import { OffersModule } from '../offers/offers.module';
import { PairingsModule } from '../pairings/pairings.module';
import { QueueModule } from '../queue/queue.module';
import { JobQueueStatusModule } from '../queue/status/job-queue-status.module';
import { ReferenceModule } from '../reference/reference.module';
import { ReportsModule } from '../reports/reports.module';
import { StartupService } from './startup.service';
import { ShutdownModule } from './shutdown/shutdown.module';
import { ENTITIES } from './entities';

/** The API process: GraphQL over HTTP, and the web console. It never consumes queued jobs when a queue server is used. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule.forRoot('api'),
    MetricsEndpointModule,
    DatabaseModule.forRoot({ runMigrations: true, entities: ENTITIES }),
    LoadersModule,
    ApiGraphQLModule,
    ReferenceModule,
    AuditModule,
    QueueModule.forRoot('api'),
    JobQueueStatusModule,
    NationalReportLinksModule,
    NotificationOutboxModule,
    AuthModule,
    AccountsModule,
    NeedsModule,
    OffersModule,
    MatchingModule,
    PairingsModule,
    ReportsModule,
    NotificationsModule,
    HealthModule,
    ExportsModule,
    ConsoleModule,
    ShutdownModule,
  ],
  providers: [StartupService, { provide: APP_PIPE, useClass: InputValidationPipe }],
})
export class AppModule {}
