import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { MatchEventMessage } from './match-event';

const LOCAL_EVENT = 'match-event';
/** Events per Redis message: big enough to batch, small enough for a subscriber to parse at once. */
const EVENTS_PER_MESSAGE = 500;
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
    super(`More than ${MAX_PENDING_EVENTS} match events were waiting for this subscription, so it was ended; subscribe again and reload the lists.`);
    this.name = 'MatchEventsDroppedError';
  }
}

/**
 * Carries pairing events to GraphQL subscribers. Without REDIS_URL everything happens in this
 * process; with it every event goes through Redis pub/sub, so proposals published by a matching
 * worker reach subscribers connected to any API process. Events are sent after the change is
 * committed and are best effort: a lost event never undoes a decision.
 */
@Injectable()
export class MatchEventBus implements OnModuleDestroy {
  private readonly logger = new Logger(MatchEventBus.name);
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly publisher: Redis | null;
  private readonly subscriber: Redis | null;
  private readonly subscribed: Promise<unknown>;
  /** Deployments sharing one Redis keep apart by the same prefix as their queues. */
  private readonly channel: string;

  constructor(config: AppConfig) {
    this.channel = `${config.QUEUE_PREFIX}:match-events`;
    if (!config.REDIS_URL) {
      this.publisher = null;
      this.subscriber = null;
      this.subscribed = Promise.resolve();
      return;
    }
    this.publisher = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    this.subscriber = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    this.subscriber.on('message', (_channel: string, payload: string) => this.deliver(payload));
    this.subscribed = this.subscriber.subscribe(this.channel).catch((error: unknown) => this.logger.error({ err: error }, 'Cannot subscribe to match events'));
  }

  /** Resolves once Redis has the subscription, so a test or a fresh process misses nothing. */
  async ready(): Promise<void> {
    await this.subscribed;
  }

  /**
   * Publishes after the caller's commit. Through Redis a batch travels as few messages (JSON arrays
   * of up to EVENTS_PER_MESSAGE events), so a matching batch that proposes thousands of pairs costs a
   * handful of round trips rather than one per pairing.
   */
  async publish(messages: MatchEventMessage | MatchEventMessage[]): Promise<void> {
    const batch = Array.isArray(messages) ? messages : [messages];
    if (!this.publisher) {
      for (const message of batch) this.local.emit(LOCAL_EVENT, message);
      return;
    }
    for (let start = 0; start < batch.length; start += EVENTS_PER_MESSAGE) {
      const chunk = batch.slice(start, start + EVENTS_PER_MESSAGE);
      try {
        await this.publisher.publish(this.channel, JSON.stringify(chunk));
      } catch (error) {
        this.logger.error({ err: error, events: chunk.length }, 'Could not publish match events');
      }
    }
  }

  /**
   * Events that pass `accept`, from now until the iterator is returned, or until more than
   * MAX_PENDING_EVENTS are waiting: then the waiting ones are dropped and the next read throws
   * MatchEventsDroppedError.
   */
  listen(accept: (message: MatchEventMessage) => boolean): AsyncIterableIterator<MatchEventMessage> {
    let pending: MatchEventMessage[] = [];
    let head = 0;
    let wake: (() => void) | null = null;
    let finished = false;
    let dropped = false;
    const stopListening = () => {
      this.local.off(LOCAL_EVENT, onEvent);
      wake?.();
    };
    const onEvent = (message: MatchEventMessage) => {
      if (!accept(message)) return;
      if (pending.length - head >= MAX_PENDING_EVENTS) {
        dropped = true;
        pending = [];
        head = 0;
        stopListening();
        return;
      }
      pending.push(message);
      wake?.();
    };
    this.local.on(LOCAL_EVENT, onEvent);
    const finish = async (): Promise<IteratorResult<MatchEventMessage>> => {
      finished = true;
      stopListening();
      return { done: true, value: undefined };
    };
    return {
      next: async () => {
        while (!finished && !dropped && head === pending.length) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (finished) return { done: true, value: undefined };
        if (dropped) {
          await finish();
          throw new MatchEventsDroppedError();
        }
        // Read from the front by position (shifting a long backlog one event at a time is quadratic),
        // letting go of what was read once it is most of the array.
        const message = pending[head++];
        if (head >= 1_024 && head * 2 >= pending.length) {
          pending = pending.slice(head);
          head = 0;
        }
        return { done: false, value: message };
      },
      return: finish,
      throw: async (error: unknown) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  async onModuleDestroy(): Promise<void> {
    this.local.removeAllListeners();
    await Promise.all([this.publisher?.quit(), this.subscriber?.quit()]);
  }

  private deliver(payload: string): void {
    try {
      for (const message of JSON.parse(payload) as MatchEventMessage[]) this.local.emit(LOCAL_EVENT, message);
    } catch (error) {
      this.logger.warn({ err: error }, 'Ignored a malformed match event');
    }
  }
}
