import { Module } from '@nestjs/common';
import { MatchEventBus } from './match-event-bus';

/**
 * Only the event bus, with no resolvers, so the matching worker can import it to publish its
 * proposals without pulling in the GraphQL side.
 */
@Module({
  providers: [MatchEventBus],
  exports: [MatchEventBus],
})
export class MatchEventsModule {}
