import { Module } from '@nestjs/common';
import { MatchEventBus } from './match-event-bus';

/**
 * Only the event bus, with no resolvers, beside both features rather than inside either: the
 * matching engine publishes its proposals through it (in the worker too) and the pairings feature
 * its decisions and the `matchEvents` subscription, without either module importing the other.
 */
@Module({
  providers: [MatchEventBus],
  exports: [MatchEventBus],
})
export class MatchEventsModule {}
