import { Command, CommandRunner, Option } from 'nest-commander';
import { AccountsService } from '../accounts/accounts.service';
import { DonorKind } from '../accounts/entities/donor.entity';
import { Role } from '../domain/role';
import { CreateDonorInput } from '../accounts/dto/create-donor.input';
import { CreateUserInput } from '../accounts/dto/create-user.input';
import { validateOrReport } from './validate-or-report';

interface CreateUserOptions {
  email: string;
  password: string;
  role: Role;
  country?: string;
  donor?: string;
}

/** `npm run cli -- create-user --email … --password … --role STATE --country NGA` */
@Command({ name: 'create-user', description: 'Create an account (STATE needs --country, DONOR needs --donor)' })
export class CreateUserCommand extends CommandRunner {
  constructor(private readonly accounts: AccountsService) {
    super();
  }

  async run(_args: string[], options: CreateUserOptions): Promise<void> {
    const input = await validateOrReport(CreateUserInput, {
      email: options.email,
      password: options.password,
      role: options.role?.toUpperCase(),
      countryIso3: options.country,
      donorId: options.donor,
    });
    const user = await this.accounts.createUser(null, input);
    console.log(`Created ${user.role} account ${user.email} (id ${user.id}).`);
  }

  @Option({ flags: '--email <email>', description: 'sign-in e-mail', required: true })
  parseEmail(value: string) {
    return value;
  }

  @Option({ flags: '--password <password>', description: 'at least 12 characters', required: true })
  parsePassword(value: string) {
    return value;
  }

  @Option({ flags: '--role <role>', description: 'STATE, DONOR, SECRETARIAT or ADMIN', required: true })
  parseRole(value: string) {
    return value;
  }

  @Option({ flags: '--country <iso3>', description: 'for STATE users: ISO alpha-3 country code' })
  parseCountry(value: string) {
    return value;
  }

  @Option({ flags: '--donor <id>', description: 'for DONOR users: donor organisation id' })
  parseDonor(value: string) {
    return value;
  }
}

/** `npm run cli -- create-donor --name "…" --kind STATE [--country JPN]` */
@Command({ name: 'create-donor', description: 'Register a donor organisation' })
export class CreateDonorCommand extends CommandRunner {
  constructor(private readonly accounts: AccountsService) {
    super();
  }

  async run(_args: string[], options: { name: string; kind: DonorKind; country?: string }): Promise<void> {
    const input = await validateOrReport(CreateDonorInput, {
      name: options.name,
      kind: options.kind?.toUpperCase(),
      countryIso3: options.country,
    });
    const donor = await this.accounts.createDonor(null, input);
    console.log(`Created donor ${donor.name} (id ${donor.id}).`);
  }

  @Option({ flags: '--name <name>', description: 'organisation name', required: true })
  parseName(value: string) {
    return value;
  }

  @Option({ flags: '--kind <kind>', description: Object.values(DonorKind).join(', '), required: true })
  parseKind(value: string) {
    return value;
  }

  @Option({ flags: '--country <iso3>', description: "for donor governments: the donor's country" })
  parseCountry(value: string) {
    return value;
  }
}
