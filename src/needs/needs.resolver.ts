import { Args, ID, Int, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { rolesGranted } from '../access/policy';
import { NEED_RULES } from './need-policy';
import { Actor } from '../access/actor';
import { CurrentActor, Public, Roles } from '../access/access.decorators';
import { ConnectionType, PageArgs } from '../common/pagination/connection';
import { Country } from '../reference/entities/country.entity';
import { Theme } from '../reference/entities/theme.entity';
import { ReferenceService } from '../reference/reference.service';
import { CreateNeedInput } from './dto/create-need.input';
import { NeedFilter } from './dto/need-filter.input';
import { NeedSortArgs } from './dto/need-sort.args';
import { UpdateNeedInput } from './dto/update-need.input';
import { Need } from './entities/need.entity';
import { NeedsService } from './needs.service';
import { ReasonArgs } from '../common/reason.args';
import { expectedVersionArg } from '../common/expected-version';
import { GraphQLRequestContext } from '../common/graphql/request-loaders';
import { RecordOtherFundingInput } from './dto/record-other-funding.input';
import { OtherFunding } from './entities/other-funding.entity';
import { fundingGapUsd } from './need-lifecycle';
import { NEED_WITH_THEMES, OTHER_FUNDING_OF_NEED } from './need-loaders';
import { cycleOfYear, ReportingCycle } from '../domain/reporting-cycles';
import { ReportingCycleType } from '../reference/reporting-cycle.type';

const EXPECTED_VERSION = expectedVersionArg('need');

@ObjectType({ description: 'A page of needs.' })
export class NeedConnection extends ConnectionType(Need, 'Need') {}

@Resolver(() => Need)
export class NeedsResolver {
  constructor(
    private readonly needsService: NeedsService,
    private readonly reference: ReferenceService,
  ) {}

  @Public()
  @Query(() => NeedConnection, {
    description: 'Needs you may see, newest first unless `sort` says otherwise. Without a login only published PUBLIC needs are listed.',
  })
  needs(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { nullable: true }) filter: NeedFilter,
    @Args() page: PageArgs,
    @Args() { sort }: NeedSortArgs,
  ): Promise<NeedConnection> {
    return this.needsService.list(actor, filter ?? {}, page, sort ?? undefined);
  }

  @Public()
  @Query(() => Need, { description: 'One need, if you may see it.' })
  need(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<Need> {
    return this.needsService.findVisible(actor, id);
  }

  @Roles(...rolesGranted(NEED_RULES, 'file'))
  @Mutation(() => Need, { description: 'Files a DRAFT need. A state files for its own country.' })
  createNeed(@CurrentActor() actor: Actor, @Args('input') input: CreateNeedInput): Promise<Need> {
    return this.needsService.create(actor, input);
  }

  @Roles(...rolesGranted(NEED_RULES, 'change'))
  @Mutation(() => Need, {
    description:
      'Changes a need of your own country (DRAFT, OPEN or PARTLY_FUNDED). With expectedVersion, refused with CONFLICT when someone else changed the need first.',
  })
  updateNeed(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateNeedInput,
    @Args(EXPECTED_VERSION) expectedVersion?: number | null,
  ): Promise<Need> {
    return this.needsService.update(actor, id, input, expectedVersion);
  }

  @Roles(...rolesGranted(NEED_RULES, 'change'))
  @Mutation(() => Need, { description: 'Publishes a DRAFT need (→ OPEN), so donors and matching can see it.' })
  publishNeed(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args(EXPECTED_VERSION) expectedVersion?: number | null,
  ): Promise<Need> {
    return this.needsService.publish(actor, id, expectedVersion);
  }

  @Roles(...rolesGranted(NEED_RULES, 'change'))
  @Mutation(() => Need, { description: 'Withdraws a DRAFT or OPEN need, with the reason kept in the audit trail.' })
  withdrawNeed(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args() { reason }: ReasonArgs,
    @Args(EXPECTED_VERSION) expectedVersion?: number | null,
  ): Promise<Need> {
    return this.needsService.withdraw(actor, id, reason, expectedVersion);
  }

  @Roles(...rolesGranted(NEED_RULES, 'change'))
  @Mutation(() => Need, {
    description:
      'Reconfirms that an OPEN, PARTLY_FUNDED or STALE need of your own country (any need for the Secretariat) still stands: validUntil moves to the end of the reporting cycle after the current one, and a STALE need is published again (OPEN or PARTLY_FUNDED, as its money says), back in matching and in donors’ sight. Audited. With expectedVersion, refused with CONFLICT when someone else changed the need first.',
  })
  reconfirmNeed(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args(EXPECTED_VERSION) expectedVersion?: number | null,
  ): Promise<Need> {
    return this.needsService.reconfirm(actor, id, expectedVersion);
  }

  @Roles(...rolesGranted(NEED_RULES, 'change'))
  @Mutation(() => Need, {
    description:
      'Records that another source funds part of an OPEN or PARTLY_FUNDED need of your own country (any need for the Secretariat): its fundingGapUsd shrinks by the amount, it becomes FUNDED when nothing is lacking, and matching rescores it. Refused with BAD_USER_INPUT naming input.amountUsd when the amount exceeds the gap.',
  })
  recordOtherFunding(@CurrentActor() actor: Actor, @Args('input') input: RecordOtherFundingInput): Promise<Need> {
    return this.needsService.recordOtherFunding(actor, input);
  }

  @ResolveField(() => Int, {
    description:
      'US dollars the need still lacks: the budget less fundedUsd and fundedElsewhereUsd, never below zero. Matching and allocation use it.',
  })
  fundingGapUsd(need: Need): number {
    return fundingGapUsd(need);
  }

  @ResolveField(() => [OtherFunding], { description: 'Funding from other sources, oldest first; their sum is fundedElsewhereUsd.' })
  async otherFunding(need: Need, _args: unknown, context: GraphQLRequestContext): Promise<OtherFunding[]> {
    return (await context.loaders.load(OTHER_FUNDING_OF_NEED, need.id)) ?? [];
  }

  @ResolveField(() => ReportingCycleType, {
    description:
      'The reporting cycle the need was filed in: its national report’s, or for a need filed by hand the one of the day it was filed.',
  })
  cycle(need: Need): ReportingCycle {
    return cycleOfYear(need.cycleYear);
  }

  @ResolveField(() => Country, { description: 'The requesting state.' })
  country(need: Need): Country | undefined {
    return this.reference.findCountry(need.countryIso3);
  }

  @ResolveField(() => [Theme], { description: 'The implementation areas the need concerns.' })
  async themes(need: Need, _args: unknown, context: GraphQLRequestContext): Promise<Theme[]> {
    // A need reached through a match comes without its theme links (NEED_BY_ID).
    const withThemes = need.themeLinks ? need : await context.loaders.load(NEED_WITH_THEMES, need.id);
    return this.reference.themesInOrder(withThemes?.themeCodes ?? []);
  }
}
