import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';

const LOCAL_EVENT = 'broadcast';
/** Messages per Redis message: big enough to batch, small enough for a subscriber to parse at once. */
const MESSAGES_PER_PUBLISH = 500;

/** How one kind of broadcast is named and bounded. */
export interface BroadcastOptions {
  /** The Redis channel's name after the queue prefix, e.g. `match-events`. */
  channel: string;
  /** Messages one listener may have waiting before it is cut off. */
  maxPending: number;
  /** What a listener that was cut off throws at its next read. */
  droppedError: () => Error;
}

/**
 * Carries messages from the process that made them to listeners in every API process. Without
 * REDIS_URL everything happens in this process; with it every message goes through Redis pub/sub,
 * so what a worker publishes reaches subscribers connected to any API process. Messages are sent
 * after the change is committed and are best effort: what they announce is in the database.
 */
export abstract class BroadcastBus<T> {
  protected readonly logger = new Logger(this.constructor.name);
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly publisher: Redis | null;
  private readonly subscriber: Redis | null;
  private readonly subscribed: Promise<unknown>;
  /** Deployments sharing one Redis keep apart by the same prefix as their queues. */
  private readonly channel: string;

  protected constructor(
    config: AppConfig,
    private readonly options: BroadcastOptions,
  ) {
    this.channel = `${config.QUEUE_PREFIX}:${options.channel}`;
    if (!config.REDIS_URL) {
      this.publisher = null;
      this.subscriber = null;
      this.subscribed = Promise.resolve();
      return;
    }
    this.publisher = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    // The subscription is renewed here after each reconnect rather than by ioredis, which leaves the
    // promise of its own renewal unhandled: a shutdown while it is on the wire ended the process.
    const subscriber = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, autoResubscribe: false });
    const subscribe = () =>
      subscriber
        .subscribe(this.channel)
        .catch((error: unknown) => this.logger.error({ err: error }, `Cannot subscribe to ${options.channel}`));
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (connectedBefore) void subscribe();
      connectedBefore = true;
    });
    subscriber.on('message', (_channel: string, payload: string) => this.deliver(payload));
    this.subscriber = subscriber;
    this.subscribed = subscribe();
  }

  /** Resolves once Redis has the subscription, so a test or a fresh process misses nothing. */
  async ready(): Promise<void> {
    await this.subscribed;
  }

  /**
   * Publishes after the caller's commit. Through Redis a batch travels as few messages (JSON arrays
   * of up to MESSAGES_PER_PUBLISH), so a matching batch that proposes thousands of pairs costs a
   * handful of round trips rather than one per pairing.
   */
  async publish(messages: T | T[]): Promise<void> {
    const batch = Array.isArray(messages) ? messages : [messages];
    if (!this.publisher) {
      for (const message of batch) this.local.emit(LOCAL_EVENT, message);
      return;
    }
    for (let start = 0; start < batch.length; start += MESSAGES_PER_PUBLISH) {
      const chunk = batch.slice(start, start + MESSAGES_PER_PUBLISH);
      try {
        await this.publisher.publish(this.channel, JSON.stringify(chunk));
      } catch (error) {
        this.logger.error({ err: error, messages: chunk.length }, `Could not publish to ${this.options.channel}`);
      }
    }
  }

  /**
   * Messages that pass `accept`, from now until the iterator is returned, or until more than
   * `maxPending` are waiting: then the waiting ones are dropped and the next read throws the
   * options' droppedError.
   */
  listen(accept: (message: T) => boolean): AsyncIterableIterator<T> {
    const { maxPending, droppedError } = this.options;
    let pending: T[] = [];
    let head = 0;
    let wake: (() => void) | null = null;
    let finished = false;
    let dropped = false;
    const stopListening = () => {
      this.local.off(LOCAL_EVENT, onMessage);
      wake?.();
    };
    const onMessage = (message: T) => {
      if (!accept(message)) return;
      if (pending.length - head >= maxPending) {
        dropped = true;
        pending = [];
        head = 0;
        stopListening();
        return;
      }
      pending.push(message);
      wake?.();
    };
    this.local.on(LOCAL_EVENT, onMessage);
    const finish = async (): Promise<IteratorResult<T>> => {
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
          throw droppedError();
        }
        // Read from the front by position (shifting a long backlog one message at a time is
        // quadratic), letting go of what was read once it is most of the array.
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

  /** Listeners currently attached in this process. */
  listenerCount(): number {
    return this.local.listenerCount(LOCAL_EVENT);
  }

  async onModuleDestroy(): Promise<void> {
    this.local.removeAllListeners();
    await Promise.all([this.publisher?.quit(), this.subscriber?.quit()]);
  }

  private deliver(payload: string): void {
    try {
      for (const message of JSON.parse(payload) as T[]) this.local.emit(LOCAL_EVENT, message);
    } catch (error) {
      this.logger.warn({ err: error }, `Ignored a malformed message on ${this.options.channel}`);
    }
  }
}
