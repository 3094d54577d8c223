import { Args, ID, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '../../accounts/entities/user.entity';
import { Actor } from '../../access/actor';
import { CurrentActor, StaffOnly } from '../../access/access.decorators';
import type { GraphQLRequestContext } from '../../common/graphql/request-loaders';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import { MatchingWeightsInput } from './dto/matching-weights.input';
import { MatchingRun, MatchingWeights } from '../entities/matching-run.entity';
import { FullRunsService } from './full-runs.service';
import { DEFAULT_WEIGHTS } from '../engine/scoring';
import { USER_BY_ID } from '../../accounts/account-loaders';

@ObjectType({ description: 'A page of full matching runs.' })
export class MatchingRunConnection extends ConnectionType(MatchingRun, 'MatchingRun') {}

@Resolver(() => MatchingRun)
export class FullRunsResolver {
  constructor(private readonly matching: FullRunsService) {}

  @StaffOnly()
  @Mutation(() => MatchingRun, {
    description: 'Queues a full run: every open need against every open offer, with these weights (omitted ones keep their defaults).',
  })
  startMatchingRun(
    @CurrentActor() actor: Actor,
    @Args('weights', { type: () => MatchingWeightsInput, nullable: true }) weights: MatchingWeightsInput | null,
  ): Promise<MatchingRun> {
    return this.matching.startRun(actor, weights);
  }

  @StaffOnly()
  @Query(() => MatchingRun, { description: 'One full matching run, with its progress or outcome.' })
  matchingRun(@Args('id', { type: () => ID }) id: string): Promise<MatchingRun> {
    return this.matching.findRun(id);
  }

  @StaffOnly()
  @Query(() => MatchingRunConnection, { description: 'Full matching runs, newest first. SECRETARIAT and ADMIN only.' })
  matchingRuns(@Args() page: PageArgs): Promise<MatchingRunConnection> {
    return this.matching.listRuns(page);
  }

  @StaffOnly()
  @Query(() => MatchingWeights, {
    description: 'The weights a run scores with where startMatchingRun is given none; only their ratios matter.',
  })
  defaultMatchingWeights(): MatchingWeights {
    return { ...DEFAULT_WEIGHTS };
  }

  @ResolveField(() => User, { nullable: true, description: 'Who started the run; null for runs started by the system.' })
  startedBy(run: MatchingRun, _args: unknown, context: GraphQLRequestContext): Promise<User | null> {
    return run.startedById ? context.loaders.load(USER_BY_ID, run.startedById) : Promise.resolve(null);
  }
}
