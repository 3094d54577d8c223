import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type IORedis from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** While Redis fails, one warning per this many milliseconds. */
const WARN_EVERY_MS = 60_000;
/** How long start-up waits for the Redis connection before counting in this process. */
const CONNECT_WAIT_MS = 5_000;

/**
 * Counts login attempts for the throttler. With Redis, in Redis, so that every API replica counts
 * against the same limit; while Redis fails, in this process, so that logging in still works
 * (each replica then allows the limit on its own until Redis is back).
 */
export class LoginAttemptStore implements ThrottlerStorage, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LoginAttemptStore');
  private readonly local = new ThrottlerStorageService();
  private readonly shared: ThrottlerStorageRedisService | null;
  private lastWarningAt = 0;

  /** `redis` is owned by the store from here on; `keyPrefix` keeps deployments sharing a Redis apart. */
  constructor(
    private readonly redis: IORedis | null,
    private readonly keyPrefix: string,
  ) {
    this.shared = redis ? new ThrottlerStorageRedisService(redis) : null;
    // Connection errors surface as failed increments, warned about there; ioredis would log each one.
    redis?.on('error', () => undefined);
  }

  /**
   * The connection refuses commands until it is ready (so that a Redis outage never holds up a
   * login): the first attempts after start-up would otherwise be counted apart.
   */
  async onModuleInit(): Promise<void> {
    if (this.redis && this.redis.status !== 'ready') {
      const waiting = new AbortController();
      await Promise.race([
        once(this.redis, 'ready', { signal: waiting.signal }),
        delay(CONNECT_WAIT_MS, undefined, { signal: waiting.signal }),
      ]).catch(() => undefined);
      waiting.abort();
    }
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (this.shared) {
      try {
        return await this.shared.increment(`${this.keyPrefix}:${key}`, ttl, limit, blockDuration, throttlerName);
      } catch (error) {
        if (Date.now() - this.lastWarningAt > WARN_EVERY_MS) {
          this.lastWarningAt = Date.now();
          this.logger.warn(
            `Login attempts are counted in this process while Redis fails: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    }
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
    this.redis?.disconnect();
  }
}
