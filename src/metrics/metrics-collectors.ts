import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { postgresPoolOf } from '../database/driver-adapter';
import { Gauge } from 'prom-client';
import { DataSource, EntitySubscriberInterface } from 'typeorm';
import type { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { JobQueue } from '../queue/job-queue';
import { OutboxRelay } from '../queue/outbox/outbox-relay';
import { QUEUE_ROLE, QueueRole } from '../queue/queue-role';
import { Metrics } from './metrics';

/** The kind of statement a query is, from its first word: a label with a handful of values. */
export function statementOf(sql: string): string {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? '';
  if (['select', 'insert', 'update', 'delete'].includes(word)) return word;
  if (word === 'with') return 'select';
  if (['begin', 'start', 'commit', 'rollback', 'savepoint', 'release'].includes(word)) return 'transaction';
  return 'other';
}

/**
 * Feeds the metrics that come from other parts of the service: each attempt of a queued job, each
 * TypeORM query, and, read when Prometheus scrapes, the queue's depth, the outbox backlog and the
 * PostgreSQL pool. Only through seams those parts already offer (the queue's attempt observers,
 * TypeORM's subscribers), so they need not know about metrics.
 */
@Injectable()
export class MetricsCollectors implements OnApplicationBootstrap, EntitySubscriberInterface {
  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly outbox: OutboxRelay,
    @Inject(QUEUE_ROLE) private readonly role: QueueRole,
  ) {}

  onApplicationBootstrap(): void {
    const { metrics } = this;
    this.queue.observeAttempts(({ jobName, seconds, failed, failedForGood }) => {
      metrics.jobDuration.observe({ job_name: jobName, outcome: failed ? 'failed' : 'succeeded' }, seconds);
      if (failed) metrics.jobFailures.inc({ job_name: jobName, final: String(failedForGood) });
    });
    this.dataSource.subscribers.push(this);
    const { queue, outbox } = this;
    new Gauge({
      name: 'poa_match_queue_jobs',
      help: 'Jobs in the queue by state (waiting, active, delayed, failed). With Redis the whole queue, as every process sees it.',
      labelNames: ['state'],
      registers: [metrics.registry],
      // Every API process reads the same queue: one process's figures are the whole queue's.
      aggregator: 'first',
      async collect() {
        // Redis away: no figures rather than stale ones (the scrape itself still succeeds).
        this.reset();
        const counts = await queue.counts().catch(() => null);
        if (counts) for (const [state, count] of Object.entries<number>({ ...counts })) this.set({ state }, count);
      },
    });
    if (this.role === 'api') {
      new Gauge({
        name: 'poa_match_outbox_pending',
        help: 'Changes written to the outbox and not yet handed to the queue (the API hands them over).',
        registers: [metrics.registry],
        aggregator: 'first',
        async collect() {
          this.set(await outbox.pendingCount());
        },
      });
    }
    const pool = postgresPoolOf(this.dataSource);
    if (pool) {
      new Gauge({
        name: 'poa_match_db_pool_connections',
        help: 'PostgreSQL connection pool by state: total, idle, and requests waiting for a connection.',
        labelNames: ['state'],
        registers: [metrics.registry],
        collect() {
          this.set({ state: 'total' }, pool.totalCount);
          this.set({ state: 'idle' }, pool.idleCount);
          this.set({ state: 'waiting' }, pool.waitingCount);
        },
      });
    }
  }

  afterQuery(event: AfterQueryEvent): void {
    const statement = statementOf(event.query);
    if (event.success && event.executionTime !== undefined) this.metrics.dbQueryDuration.observe({ statement }, event.executionTime / 1000);
    else if (!event.success) this.metrics.dbQueryErrors.inc({ statement });
  }
}
