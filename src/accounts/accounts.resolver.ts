import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/access.decorators';
import type { GraphQLRequestContext } from '../common/graphql/request-loaders';
import { ConnectionType, PageArgs } from '../common/pagination/connection';
import { Country } from '../reference/entities/country.entity';
import { ReferenceService } from '../reference/reference.service';
import { AccountsService } from './accounts.service';
import { CreateDonorInput, SetDonorIatiReferenceArgs } from './dto/create-donor.input';
import { CreateUserInput } from './dto/create-user.input';
import { UserFilter } from './dto/user-filter.input';
import { Donor } from './entities/donor.entity';
import { User } from './entities/user.entity';
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

  @Query(() => User, { description: 'The signed-in user.' })
  me(@CurrentActor() actor: Actor): Promise<User | null> {
    return this.accounts.getUser(actor.userId);
  }

  @Roles(Role.ADMIN)
  @Query(() => UserConnection, { description: 'Every account, by e-mail address. ADMIN only.' })
  users(@Args('filter', { nullable: true }) filter: UserFilter, @Args() page: PageArgs): Promise<UserConnection> {
    return this.accounts.listUsers(filter ?? {}, page);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, { description: 'Creates an account. ADMIN only.' })
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<User> {
    return this.accounts.createUser(actor, input);
  }

  @ResolveField(() => Country, { nullable: true, description: 'For STATE users: the country they act for.' })
  country(@Parent() user: User): Country | null {
    return user.countryIso3 ? (this.reference.findCountry(user.countryIso3) ?? null) : null;
  }

  @ResolveField(() => Donor, { nullable: true, description: 'For DONOR users: the organisation they act for.' })
  donor(@Parent() user: User, @Context() context: GraphQLRequestContext): Promise<Donor | null> | null {
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

  @Roles(Role.SECRETARIAT, Role.ADMIN)
  @Mutation(() => Donor, {
    description:
      "Records a donor's IATI organisation identifier, which starts the identifiers of the IATI activities exported for it (GET /exports/iati/activities.xml); null removes it. SECRETARIAT and ADMIN.",
  })
  setDonorIatiReference(@CurrentActor() actor: Actor, @Args() { donorId, iatiOrganisationRef }: SetDonorIatiReferenceArgs): Promise<Donor> {
    return this.accounts.setDonorIatiReference(actor, donorId, iatiOrganisationRef ?? null);
  }

  @ResolveField(() => Country, { nullable: true, description: "For donor governments: the donor's country." })
  country(@Parent() donor: Donor): Country | null {
    return donor.countryIso3 ? (this.reference.findCountry(donor.countryIso3) ?? null) : null;
  }
}
