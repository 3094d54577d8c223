import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../access/actor';
import { hashPassword, verifyPassword } from './password-hasher';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/domain-errors';
import { rowForUpdate } from '../database/locking';
import { escapeLike } from '../database/like-pattern';
import { AccountStateCache } from './account-state';
import { assertAcceptablePassword } from './password-policy';
import { Connection, PageArgs, pageWindow, toConnection } from '../common/pagination/connection';
import { ReferenceService } from '../reference/reference.service';
import { CreateDonorInput } from './dto/create-donor.input';
import { CreateUserInput } from './dto/create-user.input';
import { UserFilter } from './dto/user-filter.input';
import { Donor } from './entities/donor.entity';
import { PasswordStatus, User } from './entities/user.entity';
import { Role } from '../domain/role';
import { rowsByIds } from '../database/rows-by-id';
import { updateRows } from '../database/update-rows';
import { requireDonor } from './known-donor';
import { refusingDuplicates } from '../database/unique-violation';

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
    private readonly accountStates: AccountStateCache,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Donor) private readonly donors: Repository<Donor>,
  ) {}

  async createDonor(actor: Actor | null, input: CreateDonorInput): Promise<Donor> {
    const countryIso3 = input.countryIso3 ? this.reference.requireCountry(input.countryIso3, 'input.countryIso3') : null;
    const taken = () => new ConflictError(`A donor named "${input.name}" already exists.`);
    return refusingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          if (await manager.exists(Donor, { where: { name: input.name } })) throw taken();
          const donor = manager.create(Donor, {
            name: input.name,
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
        }),
      taken,
    );
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
    // The input classes check the policy too; this covers callers without one (the first ADMIN account).
    assertAcceptablePassword(input.password, 'input.password');
    const binding = await this.bindingFor(input);
    const passwordHash = await hashPassword(input.password);
    const taken = () => new ConflictError(`An account for ${email} already exists.`);
    return refusingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          if (await manager.exists(User, { where: { email } })) throw taken();
          const user = manager.create(User, { email, passwordHash, role: input.role, ...binding });
          await manager.save(user);
          await this.audit.record(manager, actor, {
            action: 'user.create',
            entityType: 'User',
            entityId: user.id,
            detail: { email, role: user.role, ...binding },
          });
          return user;
        }),
      taken,
    );
  }

  /** ADMIN: the account can no longer sign in, and its tokens and open subscriptions stop working at once. */
  async deactivateUser(actor: Actor, id: string, reason: string): Promise<User> {
    if (id === actor.userId) throw BadUserInputError.forField('id', 'You cannot deactivate your own account.');
    return this.changeAccount(id, async (manager, user) => {
      if (!user.active) throw new ConflictError(`The account ${user.email} is already deactivated.`);
      user.active = false;
      user.deactivatedAt = new Date();
      user.deactivationReason = reason;
      user.tokenVersion += 1;
      await manager.save(user);
      await this.audit.record(manager, actor, {
        action: 'user.deactivate',
        entityType: 'User',
        entityId: id,
        detail: { reason: user.deactivationReason },
      });
    });
  }

  /** ADMIN: the account may sign in again; tokens from before its deactivation stay revoked. */
  async reactivateUser(actor: Actor, id: string): Promise<User> {
    return this.changeAccount(id, async (manager, user) => {
      if (user.active) throw new ConflictError(`The account ${user.email} is active.`);
      const deactivation = { deactivatedAt: user.deactivatedAt?.toISOString() ?? null, reason: user.deactivationReason };
      user.active = true;
      user.deactivatedAt = null;
      user.deactivationReason = null;
      await manager.save(user);
      await this.audit.record(manager, actor, { action: 'user.reactivate', entityType: 'User', entityId: id, detail: { deactivation } });
    });
  }

  /**
   * ADMIN: replaces the password with a one-time password, returned here and nowhere else. It signs in
   * once, and that session may only change the password; every earlier token is revoked.
   */
  async resetPassword(actor: Actor, userId: string): Promise<{ user: User; oneTimePassword: string }> {
    if (userId === actor.userId) throw BadUserInputError.forField('userId', 'Change your own password with changePassword.');
    // 96 random bits, in letters, digits, - and _: long enough for the policy, short enough to read out.
    const oneTimePassword = randomBytes(12).toString('base64url');
    const passwordHash = await hashPassword(oneTimePassword);
    const user = await this.changeAccount(userId, async (manager, user) => {
      user.passwordHash = passwordHash;
      user.passwordStatus = PasswordStatus.ONE_TIME;
      user.tokenVersion += 1;
      await manager.save(user);
      await this.audit.record(manager, actor, { action: 'user.reset_password', entityType: 'User', entityId: userId });
    });
    return { user, oneTimePassword };
  }

  /** The signed-in user replaces their password; every token issued before, on any device, is revoked. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<User> {
    const current = await this.users.findOne({ where: { id: actor.userId } });
    if (!current) throw new NotFoundError('User', actor.userId);
    if (!(await verifyPassword(current.passwordHash, currentPassword))) {
      throw new BadUserInputError('The current password is wrong.', [
        { field: 'currentPassword', message: 'The current password is wrong.', rule: 'currentPassword' },
      ]);
    }
    if (newPassword === currentPassword) {
      throw new BadUserInputError('The new password must differ from the current one.', [
        { field: 'newPassword', message: 'The new password must differ from the current one.', rule: 'differentPassword' },
      ]);
    }
    const passwordHash = await hashPassword(newPassword);
    return this.changeAccount(actor.userId, async (manager, user) => {
      // Checked again under the lock: a reset between the check above and here wins.
      if (user.passwordHash !== current.passwordHash) throw new ConflictError('The password was changed meanwhile; sign in again.');
      user.passwordHash = passwordHash;
      user.passwordStatus = PasswordStatus.CHOSEN;
      user.tokenVersion += 1;
      await manager.save(user);
      await this.audit.record(manager, actor, {
        action: 'user.change_password',
        entityType: 'User',
        entityId: user.id,
        detail: { afterReset: current.passwordStatus !== PasswordStatus.CHOSEN },
      });
    });
  }

  /**
   * Signing in with a one-time password uses it up: true for the one sign-in that does (two at once
   * cannot both), false when it was already used.
   */
  async useOneTimePassword(userId: string): Promise<boolean> {
    const result = await updateRows(
      this.dataSource,
      User,
      { id: userId, passwordStatus: PasswordStatus.ONE_TIME },
      { passwordStatus: PasswordStatus.ONE_TIME_USED },
    );
    return result.affected === 1;
  }

  /**
   * One change of an account's access, in one transaction with its audit event; once committed,
   * every API process forgets the account's cached state and re-checks its open subscriptions.
   */
  private async changeAccount(id: string, change: (manager: EntityManager, user: User) => Promise<void>): Promise<User> {
    const user = await this.dataSource.transaction(async (manager) => {
      const user = await rowForUpdate(manager, User, id);
      if (!user) throw new NotFoundError('User', id);
      await change(manager, user);
      return user;
    });
    await this.accountStates.changed(id);
    return user;
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
      await requireDonor(this.dataSource, input.donorId, 'input.donorId');
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

  usersByIds = (ids: readonly string[]): Promise<Map<string, User>> => rowsByIds(this.dataSource, User, ids);

  donorsByIds = (ids: readonly string[]): Promise<Map<string, Donor>> => rowsByIds(this.dataSource, Donor, ids);

  getUser(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id } });
  }

  /** E-mail addresses are unique, so they alone give the list the stable order its cursors need. */
  async listUsers(filter: UserFilter, page: PageArgs): Promise<Connection<User>> {
    const { skip, take } = pageWindow(page);
    const query = this.users.createQueryBuilder('account').orderBy('account.email', 'ASC').skip(skip).take(take);
    if (filter.role) query.andWhere('account.role = :role', { role: filter.role });
    if (filter.active !== undefined) query.andWhere('account.active = :active', { active: filter.active });
    if (filter.countryIso3) {
      const countryIso3 = this.reference.requireCountry(filter.countryIso3, 'filter.countryIso3');
      query.andWhere('account.countryIso3 = :countryIso3', { countryIso3 });
    }
    if (filter.donorId) {
      await requireDonor(this.dataSource, filter.donorId, 'filter.donorId');
      query.andWhere('account.donorId = :donorId', { donorId: filter.donorId });
    }
    const search = filter.search?.trim().toLowerCase();
    if (search) {
      query
        .leftJoin(Donor, 'donor', 'donor.id = account.donorId')
        .andWhere(
          new Brackets((matches) =>
            matches
              .where(`LOWER(account.email) LIKE :search ESCAPE '\\'`, { search: `%${escapeLike(search)}%` })
              .orWhere(`LOWER(donor.name) LIKE :search ESCAPE '\\'`),
          ),
        );
    }
    const [items, total] = await query.getManyAndCount();
    return toConnection(items, total, skip);
  }

  listDonors(): Promise<Donor[]> {
    return this.donors.find({ order: { name: 'ASC' } });
  }
}
