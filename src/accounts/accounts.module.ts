import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoaderRegistry } from '../common/graphql/request-loaders';
import { DONOR_BY_ID, USER_BY_ID } from './account-loaders';
import { AccountChangeBus, AccountStateCache } from './account-state';
import { AccountsService } from './accounts.service';
import { DonorResolver, UserResolver } from './accounts.resolver';
import { AuditEventActorResolver } from './audit-event-actor.resolver';
import { Donor } from './entities/donor.entity';
import { User } from './entities/user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([User, Donor])],
  providers: [AccountsService, AccountChangeBus, AccountStateCache, UserResolver, DonorResolver, AuditEventActorResolver],
  exports: [AccountsService, AccountStateCache, TypeOrmModule],
})
export class AccountsModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly accounts: AccountsService,
  ) {}

  onModuleInit(): void {
    this.loaders.register(USER_BY_ID, this.accounts.usersByIds);
    this.loaders.register(DONOR_BY_ID, this.accounts.donorsByIds);
  }
}
