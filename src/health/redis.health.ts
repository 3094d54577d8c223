import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type IORedis from 'ioredis';
import { withinTime } from '../common/within-time';
import { AppConfig } from '../config/app-config';
import { createRedisConnection } from '../queue/redis-connection';

const PING_TIMEOUT_MS = 2000;

/** Reports whether the queue's Redis (REDIS_URL) answers a PING. */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private client?: IORedis;

  constructor(
    private readonly config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key: string): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      const client = this.probeClient();
      if (client.status === 'wait' || client.status === 'end') await client.connect();
      await withinTime(client.ping(), PING_TIMEOUT_MS, `no answer within ${PING_TIMEOUT_MS} ms`);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }

  private probeClient(): IORedis {
    if (!this.client) {
      this.client = createRedisConnection(this.config, 'probe');
      // Failures are reported by the check itself; without a listener ioredis would log each one.
      this.client.on('error', () => undefined);
    }
    return this.client;
  }
}
