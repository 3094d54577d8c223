import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../../access/actor';
import { CurrentActor } from '../../access/access.decorators';
import type { GraphQLRequestContext } from '../../common/graphql/request-loaders';
import { PageArgs, pageWindow, toConnection } from '../../common/pagination/connection';
import { Need } from '../../needs/entities/need.entity';
import { MatchConnection } from './matches.resolver';
import { needMatchesKey } from './matches.service';
import { matchesUnderNeed } from '../match-policy';
import { MATCHES_OF_NEED } from './match-loaders';

/** `Need.matches`, added from the matching feature; batched per request (no query per need). */
@Resolver(() => Need)
export class NeedMatchesResolver {
  @ResolveField(() => MatchConnection, {
    description:
      'The standing matches of this need (not superseded), highest score first. Its state and the Secretariat see all; a donor only those of its own offers; others none.',
  })
  async matches(
    @Parent() need: Need,
    @CurrentActor() actor: Actor | null,
    @Args() page: PageArgs,
    @Context() context: GraphQLRequestContext,
  ): Promise<MatchConnection> {
    const { skip, take } = pageWindow(page);
    const scope = matchesUnderNeed(actor, need);
    if (scope.kind === 'none') return toConnection([], 0, skip);
    const all = (await context.loaders.load(MATCHES_OF_NEED, needMatchesKey(need.id, scope.kind === 'donor' ? scope.donorId : null))) ?? [];
    return toConnection(all.slice(skip, skip + take), all.length, skip);
  }
}
