import { ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Actor } from '../../access/actor';
import { CurrentActor } from '../../access/access.decorators';
import { Match } from '../../matching/entities/match.entity';
import { MatchEvent, MatchEventMessage, mayHear, toMatchEvent } from '../../matching/events/match-event';
import { MatchEventBus, MAX_PENDING_EVENTS } from '../../matching/events/match-event-bus';

@Resolver(() => MatchEvent)
export class MatchEventsResolver {
  constructor(
    private readonly bus: MatchEventBus,
    private readonly dataSource: DataSource,
  ) {}

  @Subscription(() => MatchEvent, {
    description: `New proposals and status changes of pairings, as they happen: a donor hears of its own offers, a state of its own needs, the Secretariat of all. Over graphql-ws, with connection parameters { "Authorization": "Bearer <token>" }. A subscription that falls more than ${MAX_PENDING_EVENTS.toLocaleString('en')} events behind (a large full run can propose hundreds of thousands of pairs) ends with an error coded EVENTS_DROPPED: subscribe again and reload the lists.`,
    resolve: (message: MatchEventMessage) => toMatchEvent(message),
  })
  matchEvents(@CurrentActor() actor: Actor): AsyncIterableIterator<MatchEventMessage> {
    return this.bus.listen((message) => mayHear(actor, message));
  }

  /** Read afresh for each event: a subscription lives longer than any per-request cache should. */
  @ResolveField(() => Match, { nullable: true, description: 'The pairing as it stands now.' })
  match(event: MatchEvent): Promise<Match | null> {
    return this.dataSource.getRepository(Match).findOneBy({ id: event.matchId });
  }
}
