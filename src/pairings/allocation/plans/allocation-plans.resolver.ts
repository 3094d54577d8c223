import { Args, Field, Float, ID, Int, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../../../access/actor';
import { CurrentActor, StaffOnly } from '../../../access/access.decorators';
import { GraphQLRequestContext } from '../../../common/graphql/request-loaders';
import { ConnectionType, PageArgs } from '../../../common/pagination/connection';
import { Match } from '../../../matching/entities/match.entity';
import { ProposeAllocationInput } from './dto/propose-allocation.input';
import { AllocationPlan } from './allocation-plan.entity';
import { MATCH_BY_ID } from '../../../matching/api/match-loaders';
import { AllocationPlansService, totalOf } from './allocation-plans.service';

@ObjectType({ description: 'How much of one offer a plan gives to one need, through their match.' })
export class PlannedAllocation {
  @Field(() => ID, { description: 'The match that carries the grant.' })
  matchId: string;

  @Field(() => ID, { description: 'The need funded.' })
  needId: string;

  @Field(() => ID, { description: 'The offer drawn on.' })
  offerId: string;

  @Field(() => Int, { description: 'US dollars.' })
  allocatedUsd: number;

  @Field(() => Float, { description: 'The match score when the plan was made.' })
  score: number;
}

@Resolver(() => PlannedAllocation)
export class PlannedAllocationResolver {
  @ResolveField(() => Match, { nullable: true, description: 'The match as it stands now.' })
  match(allocation: PlannedAllocation, _args: unknown, context: GraphQLRequestContext): Promise<Match | null> {
    return context.loaders.load(MATCH_BY_ID, allocation.matchId);
  }
}

@ObjectType({ description: 'A page of allocation plans.' })
export class AllocationPlanConnection extends ConnectionType(AllocationPlan, 'AllocationPlan') {}

@Resolver(() => AllocationPlan)
export class AllocationPlansResolver {
  constructor(private readonly plans: AllocationPlansService) {}

  @StaffOnly()
  @Mutation(() => AllocationPlan, {
    description:
      "Asks for the best allocation of every open offer's remaining capacity across the undecided matches of open needs (maximising Σ score × USD within capacities, grant limits, unfunded amounts and the optional geographic balance). Returns the QUEUED plan at once; read it with allocationPlan until it is READY.",
  })
  proposeAllocation(
    @CurrentActor() actor: Actor,
    @Args('input', { nullable: true }) input: ProposeAllocationInput,
  ): Promise<AllocationPlan> {
    return this.plans.propose(actor, input ?? {});
  }

  @StaffOnly()
  @Query(() => AllocationPlan, { description: 'One allocation plan.' })
  allocationPlan(@Args('id', { type: () => ID }) id: string): Promise<AllocationPlan> {
    return this.plans.find(id);
  }

  @StaffOnly()
  @Query(() => AllocationPlanConnection, { description: 'Allocation plans, newest first. SECRETARIAT and ADMIN only.' })
  allocationPlans(@Args() page: PageArgs): Promise<AllocationPlanConnection> {
    return this.plans.list(page);
  }

  @StaffOnly()
  @Mutation(() => AllocationPlan, {
    description:
      'Approves every pairing of a READY plan with its amount, in one transaction: all or nothing. Refused with CONFLICT when any offer, need or match the plan relied on has changed since it was made.',
  })
  applyAllocationPlan(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<AllocationPlan> {
    return this.plans.apply(actor, id);
  }

  @ResolveField(() => [PlannedAllocation], { description: 'The grants of the plan, once solved.' })
  allocations(plan: AllocationPlan): PlannedAllocation[] {
    return (plan.allocations ?? []).map(({ matchId, needId, offerId, allocatedUsd, score }) => ({
      matchId,
      needId,
      offerId,
      allocatedUsd,
      score,
    }));
  }

  @ResolveField(() => Float, { description: 'US dollars the plan allocates in all.' })
  allocatedUsd(plan: AllocationPlan): number {
    return totalOf(plan.allocations ?? []);
  }
}
