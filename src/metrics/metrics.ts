import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isOneOfSeveralApiProcesses, joinClusterMetrics } from './cluster-metrics';

/** Buckets for requests, jobs and queries: a millisecond to a minute. */
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Full runs and allocation solves take seconds to many minutes. */
const LONG_WORK_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

/**
 * The metrics one process records as things happen, in a registry of its own (a test may boot several
 * applications in one process); those read when Prometheus scrapes are in MetricsCollectors. The API
 * and the worker each serve theirs; Prometheus adds them up. Several API processes serve the figures of
 * all of them (cluster-metrics.ts).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'poa_match_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlRequestDuration = new Histogram({
    name: 'poa_match_graphql_request_duration_seconds',
    help: 'GraphQL operations over HTTP by operation name, type and outcome (success, or the first error code).',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'poa_match_job_duration_seconds',
    help: 'Attempts of queued jobs run by this process, by job name and outcome (succeeded, failed).',
    labelNames: ['job_name', 'outcome'] as const,
    buckets: LONG_WORK_BUCKETS,
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'poa_match_job_failures_total',
    help: 'Failed attempts of queued jobs run by this process; final="true" when no retry follows.',
    labelNames: ['job_name', 'final'] as const,
    registers: [this.registry],
  });

  readonly matchingRunDuration = new Histogram({
    name: 'poa_match_matching_run_duration_seconds',
    help: 'Full matching runs carried out by this process, by outcome (succeeded, failed).',
    labelNames: ['outcome'] as const,
    buckets: LONG_WORK_BUCKETS,
    registers: [this.registry],
  });

  readonly matchingPairsScored = new Counter({
    name: 'poa_match_matching_run_pairs_scored_total',
    help: 'Pairs that passed the hard filters and were scored by successful full runs (rate() gives pairs per second).',
    registers: [this.registry],
  });

  readonly matchingPairsPerSecond = new Gauge({
    name: 'poa_match_matching_run_pairs_per_second',
    help: 'Pairs scored per second of the latest successful full run of this process.',
    registers: [this.registry],
  });

  readonly allocationSolveDuration = new Histogram({
    name: 'poa_match_allocation_solve_duration_seconds',
    help: 'HiGHS solves of allocation plans by solver status (OPTIMAL, TIME_LIMIT, INFEASIBLE, SOLVER_ERROR).',
    labelNames: ['solve_status'] as const,
    buckets: LONG_WORK_BUCKETS,
    registers: [this.registry],
  });

  readonly dbQueryDuration = new Histogram({
    name: 'poa_match_db_query_duration_seconds',
    help: 'Database queries made through TypeORM by statement (select, insert, update, delete, other).',
    labelNames: ['statement'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly dbQueryErrors = new Counter({
    name: 'poa_match_db_query_errors_total',
    help: 'Database queries made through TypeORM that failed, by statement.',
    labelNames: ['statement'] as const,
    registers: [this.registry],
  });

  constructor() {
    // CPU, memory, heap, event loop lag, handles, garbage collection: prom-client's standard set.
    collectDefaultMetrics({ register: this.registry });
    if (isOneOfSeveralApiProcesses()) joinClusterMetrics(this.registry);
  }
}
