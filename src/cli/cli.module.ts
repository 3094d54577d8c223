import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { LoadersModule } from '../common/graphql/loaders.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { ReferenceModule } from '../reference/reference.module';
import { CreateDonorCommand, CreateUserCommand } from './account-commands';
import { ENTITIES } from '../app/entities';

/** Operator commands against the configured database; no HTTP server. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot({ runMigrations: true, entities: ENTITIES }),
    LoadersModule,
    ReferenceModule,
    AuditModule,
    AccountsModule,
  ],
  providers: [CreateUserCommand, CreateDonorCommand],
})
export class CliModule {}
