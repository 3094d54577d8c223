import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, User } from '../accounts/entities/user.entity';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { GraphQLRequestContext } from '../common/graphql/request-loaders';
import { MatchingWeightsInput } from './dto/matching-weights.input';
import { MatchingRun } from './entities/matching-run.entity';
import { MatchingService } from './matching.service';

@Resolver(() => MatchingRun)
export class MatchingRunResolver {
  constructor(private readonly matching: MatchingService) {}

  @Roles(Role.SECRETARIAT, Role.ADMIN)
  @Mutation(() => MatchingRun, {
    description: 'Queues a full run: every open need against every open offer, with these weights (omitted ones keep their defaults).',
  })
  startMatchingRun(
    @CurrentActor() actor: Actor,
    @Args('weights', { type: () => MatchingWeightsInput, nullable: true }) weights: MatchingWeightsInput | null,
  ): Promise<MatchingRun> {
    return this.matching.startRun(actor, weights);
  }

  @Roles(Role.SECRETARIAT, Role.ADMIN)
  @Query(() => MatchingRun, { description: 'One full matching run, with its progress or outcome.' })
  matchingRun(@Args('id', { type: () => ID }) id: string): Promise<MatchingRun> {
    return this.matching.findRun(id);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who started the run; null for runs started by the system.' })
  startedBy(@Parent() run: MatchingRun, @Context() context: GraphQLRequestContext): Promise<User | null> {
    return run.startedById ? context.loaders.load<string, User>('userById', run.startedById) : Promise.resolve(null);
  }
}
