import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { AppConfig } from '../config/app-config';
import { ReferenceService } from '../reference/reference.service';

/** What the API does once the schema is migrated and before it serves: reference data and the first ADMIN. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly reference: ReferenceService,
    private readonly accounts: AccountsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reference.syncToDatabase();
    await this.accounts.ensureAdmin(this.config.ADMIN_EMAIL, this.config.ADMIN_PASSWORD);
  }
}
