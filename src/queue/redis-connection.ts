import IORedis, { RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config';

/**
 * Every Redis connection of the API and the worker comes from the one validated REDIS_URL, so the
 * two can never talk to different servers.
 *
 * - `producer`: fails fast while Redis is away (no offline queue), so the outbox relay notices,
 *   keeps its rows and tries again later instead of hanging a request.
 * - `worker`: BullMQ workers block on Redis and must retry forever (`maxRetriesPerRequest: null`).
 * - `probe`: one quick try, for the health check.
 */
export function createRedisConnection(config: Pick<AppConfig, 'REDIS_URL'>, purpose: 'producer' | 'worker' | 'probe'): IORedis {
  if (!config.REDIS_URL) throw new Error('REDIS_URL is not set');
  const byPurpose: Record<typeof purpose, RedisOptions> = {
    producer: { enableOfflineQueue: false, maxRetriesPerRequest: 1 },
    worker: { maxRetriesPerRequest: null },
    probe: { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true },
  };
  return new IORedis(config.REDIS_URL, { ...byPurpose[purpose], connectionName: `poa-match-${purpose}` });
}
