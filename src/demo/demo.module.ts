import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { LoadersModule } from '../common/graphql/loaders.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { MatchingCoreModule } from '../matching/matching-core.module';
import { NationalReportLinksModule } from '../reports/national-report-links.module';
import { NeedsModule } from '../needs/needs.module';
import { OffersModule } from '../offers/offers.module';
import { QueueModule } from '../queue/queue.module';
import { ReferenceModule } from '../reference/reference.module';
import { ENTITIES } from '../app/entities';

/**
 * What `npm run seed:demo` needs, built like the operator CLI: the configured database (migrated),
 * the services that create accounts, needs and offers, and the matching engine; no HTTP server. It
 * produces matching jobs as the API does, so with REDIS_URL set its rescoring jobs go to the workers.
 */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot({ runMigrations: true, entities: ENTITIES }),
    LoadersModule,
    ReferenceModule,
    AuditModule,
    QueueModule.forRoot('api'),
    NationalReportLinksModule,
    AccountsModule,
    NeedsModule,
    OffersModule,
    MatchingCoreModule,
  ],
})
export class DemoModule {}
