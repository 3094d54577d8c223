import { Args, ID, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../../access/actor';
import { CurrentActor } from '../../access/access.decorators';
import type { GraphQLRequestContext } from '../../common/graphql/request-loaders';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import { Need } from '../../needs/entities/need.entity';
import { Offer } from '../../offers/entities/offer.entity';
import { MatchFilter } from './dto/match-filter.input';
import { Match } from '../entities/match.entity';
import { MatchesService } from './matches.service';
import { MatchReasons } from './dto/match-reasons.type';
import { MATCH_REASONS, pairKey } from './match-loaders';
import { NEED_BY_ID } from '../../needs/need-loaders';
import { OFFER_BY_ID } from '../../offers/offer-loaders';

@ObjectType({ description: 'A page of matches.' })
export class MatchConnection extends ConnectionType(Match, 'Match') {}

@Resolver(() => Match)
export class MatchesResolver {
  constructor(private readonly matchesService: MatchesService) {}

  @Query(() => MatchConnection, {
    description:
      'Matches you may see, highest score first: a donor those of its own offers, a state those of its own needs, the Secretariat all.',
  })
  matches(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => MatchFilter, nullable: true }) filter: MatchFilter | null,
    @Args() page: PageArgs,
  ): Promise<MatchConnection> {
    return this.matchesService.list(actor, filter ?? {}, page);
  }

  @Query(() => Match, { description: 'One match, if you may see it (the same rule as `matches`).' })
  match(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Match> {
    return this.matchesService.findVisible(actor, id);
  }

  @ResolveField(() => Need, { description: 'The need of the pair.' })
  need(match: Match, _args: unknown, context: GraphQLRequestContext): Promise<Need | null> {
    return context.loaders.load(NEED_BY_ID, match.needId);
  }

  @ResolveField(() => Offer, { description: 'The offer of the pair.' })
  offer(match: Match, _args: unknown, context: GraphQLRequestContext): Promise<Offer | null> {
    return context.loaders.load(OFFER_BY_ID, match.offerId);
  }

  @ResolveField(() => MatchReasons, {
    nullable: true,
    description:
      'Why the pair fits, read from its need and offer as they are now, as codes and figures to word in the reader’s language; null once the offer no longer reaches the need’s country (`explanation` still says why it was proposed).',
  })
  reasons(match: Match, _args: unknown, context: GraphQLRequestContext): Promise<MatchReasons | null> {
    return context.loaders.load(MATCH_REASONS, pairKey(match));
  }
}
