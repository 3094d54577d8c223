import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, In, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../access/actor';
import { hashPassword } from './password-hasher';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/domain-errors';
import { Connection, PageArgs, pageWindow, toConnection } from '../common/pagination/connection';
import { ReferenceService } from '../reference/reference.service';
import { CreateDonorInput } from './dto/create-donor.input';
import { CreateUserInput } from './dto/create-user.input';
import { UserFilter } from './dto/user-filter.input';
import { Donor } from './entities/donor.entity';
import { User } from './entities/user.entity';
import { Role } from '../domain/role';

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Donor) private readonly donors: Repository<Donor>,
  ) {}

  async createDonor(actor: Actor | null, input: CreateDonorInput): Promise<Donor> {
    const countryIso3 = input.countryIso3 ? this.reference.requireCountry(input.countryIso3, 'input.countryIso3') : null;
    return this.dataSource.transaction(async (manager) => {
      if (await manager.exists(Donor, { where: { name: input.name.trim() } })) {
        throw new ConflictError(`A donor named "${input.name.trim()}" already exists.`);
      }
      const donor = manager.create(Donor, {
        name: input.name.trim(),
        kind: input.kind,
        countryIso3,
        iatiOrganisationRef: input.iatiOrganisationRef ?? null,
      });
      await manager.save(donor);
      await this.audit.record(manager, actor, {
        action: 'donor.create',
        entityType: 'Donor',
        entityId: donor.id,
        // A donor created without an IATI reference records none, rather than a null the ADMIN never entered.
        detail: {
          name: donor.name,
          kind: donor.kind,
          countryIso3,
          ...(donor.iatiOrganisationRef ? { iatiOrganisationRef: donor.iatiOrganisationRef } : {}),
        },
      });
      return donor;
    });
  }

  /** The Secretariat records (or removes) the identifier a donor publishes under in IATI. */
  async setDonorIatiReference(actor: Actor, donorId: string, iatiOrganisationRef: string | null): Promise<Donor> {
    return this.dataSource.transaction(async (manager) => {
      const donor = await manager.findOne(Donor, { where: { id: donorId } });
      if (!donor) throw new NotFoundError('Donor', donorId);
      const from = donor.iatiOrganisationRef;
      donor.iatiOrganisationRef = iatiOrganisationRef;
      await manager.save(donor);
      await this.audit.record(manager, actor, {
        action: 'donor.set_iati_reference',
        entityType: 'Donor',
        entityId: donor.id,
        detail: { from, to: iatiOrganisationRef },
      });
      return donor;
    });
  }

  async createUser(actor: Actor | null, input: CreateUserInput): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const binding = await this.bindingFor(input);
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.exists(User, { where: { email } })) {
        throw new ConflictError(`An account for ${email} already exists.`);
      }
      const user = manager.create(User, { email, passwordHash, role: input.role, ...binding });
      await manager.save(user);
      await this.audit.record(manager, actor, {
        action: 'user.create',
        entityType: 'User',
        entityId: user.id,
        detail: { email, role: user.role, ...binding },
      });
      return user;
    });
  }

  /** STATE users act for exactly one country, DONOR users for exactly one organisation, others for none. */
  private async bindingFor(input: CreateUserInput): Promise<Pick<User, 'countryIso3' | 'donorId'>> {
    if (input.role === Role.STATE) {
      if (!input.countryIso3) throw BadUserInputError.forField('input.countryIso3', 'STATE users need countryIso3.');
      if (input.donorId) throw BadUserInputError.forField('input.donorId', 'STATE users cannot belong to a donor.');
      return { countryIso3: this.reference.requireCountry(input.countryIso3, 'input.countryIso3'), donorId: null };
    }
    if (input.role === Role.DONOR) {
      if (!input.donorId) throw BadUserInputError.forField('input.donorId', 'DONOR users need donorId.');
      if (input.countryIso3) throw BadUserInputError.forField('input.countryIso3', 'DONOR users are bound to a donor, not a country.');
      if (!(await this.donors.exists({ where: { id: input.donorId } }))) {
        throw BadUserInputError.forField('input.donorId', `Donor ${input.donorId} does not exist.`);
      }
      return { countryIso3: null, donorId: input.donorId };
    }
    if (input.countryIso3 || input.donorId) {
      throw BadUserInputError.forField(
        input.countryIso3 ? 'input.countryIso3' : 'input.donorId',
        `${input.role} users are not bound to a country or donor.`,
      );
    }
    return { countryIso3: null, donorId: null };
  }

  /**
   * First start: without any ADMIN nobody could create accounts, so one is made from ADMIN_EMAIL and
   * ADMIN_PASSWORD. A generated password is printed once and never stored in clear.
   */
  async ensureAdmin(email: string, password: string | undefined): Promise<void> {
    if (await this.users.exists({ where: { role: Role.ADMIN } })) return;
    const chosen = password ?? randomBytes(18).toString('base64url');
    await this.createUser(null, { email, password: chosen, role: Role.ADMIN });
    if (password) {
      this.logger.log(`Created the first ADMIN account ${email} with the password from ADMIN_PASSWORD.`);
    } else {
      // Printed straight to the terminal, not the JSON log, so it is not shipped to log storage.
      process.stdout.write(
        `\nCreated the first ADMIN account.\n  e-mail:   ${email}\n  password: ${chosen}\nIt is shown only this once.\n\n`,
      );
    }
  }

  usersByIds = async (ids: readonly string[]): Promise<Map<string, User>> => {
    const found = await this.users.findBy({ id: In([...ids]) });
    return new Map(found.map((user) => [user.id, user]));
  };

  donorsByIds = async (ids: readonly string[]): Promise<Map<string, Donor>> => {
    const found = await this.donors.findBy({ id: In([...ids]) });
    return new Map(found.map((donor) => [donor.id, donor]));
  };

  getUser(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id } });
  }

  /** E-mail addresses are unique, so they alone give the list the stable order its cursors need. */
  async listUsers(filter: UserFilter, page: PageArgs): Promise<Connection<User>> {
    const { skip, take } = pageWindow(page);
    const [items, total] = await this.users.findAndCount({
      where: filter.role ? { role: filter.role } : {},
      order: { email: 'ASC' },
      skip,
      take,
    });
    return toConnection(items, total, skip);
  }

  listDonors(): Promise<Donor[]> {
    return this.donors.find({ order: { name: 'ASC' } });
  }
}
