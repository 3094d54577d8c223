import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { BroadcastBus } from '../../common/broadcast/broadcast-bus';
import { AppConfig } from '../../config/app-config';
import { MatchEventMessage } from './match-event';

/**
 * Events one subscription may have waiting. A subscriber further behind (a Secretariat client during
 * a large full run) is cut off instead of being buffered without limit in the API process: it is
 * better served by reloading its lists than by hundreds of thousands of events.
 */
export const MAX_PENDING_EVENTS = 10_000;

/** Ends a subscription that fell more than MAX_PENDING_EVENTS behind; graphql-ws sends it as the subscription's error. */
export class MatchEventsDroppedError extends Error {
  readonly extensions = { code: 'EVENTS_DROPPED' };

  constructor() {
    super(
      `More than ${MAX_PENDING_EVENTS} match events were waiting for this subscription, so it was ended; subscribe again and reload the lists.`,
    );
    this.name = 'MatchEventsDroppedError';
  }
}

/**
 * Carries pairing events to GraphQL subscribers, through Redis when it is configured: proposals
 * published by a matching worker reach subscribers connected to any API process. A lost event
 * never undoes a decision.
 */
@Injectable()
export class MatchEventBus extends BroadcastBus<MatchEventMessage> implements OnModuleDestroy {
  constructor(config: AppConfig) {
    super(config, { channel: 'match-events', maxPending: MAX_PENDING_EVENTS, droppedError: () => new MatchEventsDroppedError() });
  }
}
