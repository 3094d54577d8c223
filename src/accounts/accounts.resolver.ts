import { Args, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../access/actor';
import { AllowedBeforePasswordChange, CurrentActor, Roles, StaffOnly } from '../access/access.decorators';
import type { GraphQLRequestContext } from '../common/graphql/request-loaders';
import { ConnectionType, PageArgs } from '../common/pagination/connection';
import { Country } from '../reference/entities/country.entity';
import { ReferenceService } from '../reference/reference.service';
import { AccountsService } from './accounts.service';
import { CreateDonorInput, SetDonorIatiReferenceArgs } from './dto/create-donor.input';
import { CreateUserInput } from './dto/create-user.input';
import { DeactivateUserArgs, PasswordReset, ReactivateUserArgs, ResetPasswordArgs } from './dto/account-security.args';
import { UserFilter } from './dto/user-filter.input';
import { Donor } from './entities/donor.entity';
import { PasswordStatus, User } from './entities/user.entity';
import { Role } from '../domain/role';
import { DONOR_BY_ID } from './account-loaders';

@ObjectType({ description: 'A page of accounts.' })
export class UserConnection extends ConnectionType(User, 'User') {}

@Resolver(() => User)
export class UserResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly reference: ReferenceService,
  ) {}

  @AllowedBeforePasswordChange()
  @Query(() => User, { description: 'The signed-in user.' })
  me(@CurrentActor() actor: Actor): Promise<User | null> {
    return this.accounts.getUser(actor.userId);
  }

  @Roles(Role.ADMIN)
  @Query(() => UserConnection, { description: 'The accounts that pass the filter, by e-mail address. ADMIN only.' })
  users(@Args('filter', { nullable: true }) filter: UserFilter, @Args() page: PageArgs): Promise<UserConnection> {
    return this.accounts.listUsers(filter ?? {}, page);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, { description: 'Creates an account. ADMIN only.' })
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<User> {
    return this.accounts.createUser(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, {
    description:
      'Deactivates an account: it can no longer sign in, its tokens are refused from the next request on and its open subscriptions are closed. ADMIN only; not your own account.',
  })
  deactivateUser(@CurrentActor() actor: Actor, @Args() { id, reason }: DeactivateUserArgs): Promise<User> {
    return this.accounts.deactivateUser(actor, id, reason);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, { description: 'Lets a deactivated account sign in again (its old tokens stay revoked). ADMIN only.' })
  reactivateUser(@CurrentActor() actor: Actor, @Args() { id }: ReactivateUserArgs): Promise<User> {
    return this.accounts.reactivateUser(actor, id);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => PasswordReset, {
    description:
      "Replaces an account's password with a one-time password, returned once: it signs in once, and the account must then change it before doing anything else. Revokes the account's tokens. ADMIN only; not your own account.",
  })
  resetPassword(@CurrentActor() actor: Actor, @Args() { userId }: ResetPasswordArgs): Promise<PasswordReset> {
    return this.accounts.resetPassword(actor, userId);
  }

  @ResolveField(() => Boolean, { description: 'The account signed in with a one-time password and must change it before anything else.' })
  passwordChangeRequired(user: User): boolean {
    return user.passwordStatus !== PasswordStatus.CHOSEN;
  }

  @ResolveField(() => Country, { nullable: true, description: 'For STATE users: the country they act for.' })
  country(user: User): Country | null {
    return user.countryIso3 ? (this.reference.findCountry(user.countryIso3) ?? null) : null;
  }

  @ResolveField(() => Donor, { nullable: true, description: 'For DONOR users: the organisation they act for.' })
  donor(user: User, _args: unknown, context: GraphQLRequestContext): Promise<Donor | null> | null {
    return user.donorId ? context.loaders.load(DONOR_BY_ID, user.donorId) : null;
  }
}

@Resolver(() => Donor)
export class DonorResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly reference: ReferenceService,
  ) {}

  @Query(() => [Donor], { description: 'Every donor organisation, by name.' })
  donors(): Promise<Donor[]> {
    return this.accounts.listDonors();
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Donor, { description: 'Registers a donor organisation. ADMIN only.' })
  createDonor(@CurrentActor() actor: Actor, @Args('input') input: CreateDonorInput): Promise<Donor> {
    return this.accounts.createDonor(actor, input);
  }

  @StaffOnly()
  @Mutation(() => Donor, {
    description:
      "Records a donor's IATI organisation identifier, which starts the identifiers of the IATI activities exported for it (GET /exports/iati/activities.xml); null removes it. SECRETARIAT and ADMIN.",
  })
  setDonorIatiReference(@CurrentActor() actor: Actor, @Args() { donorId, iatiOrganisationRef }: SetDonorIatiReferenceArgs): Promise<Donor> {
    return this.accounts.setDonorIatiReference(actor, donorId, iatiOrganisationRef ?? null);
  }

  @ResolveField(() => Country, { nullable: true, description: "For donor governments: the donor's country." })
  country(donor: Donor): Country | null {
    return donor.countryIso3 ? (this.reference.findCountry(donor.countryIso3) ?? null) : null;
  }
}
