import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';
import { MetricsCollectors } from './metrics-collectors';
import { RequestMetrics } from './request-metrics';

/**
 * Records the Prometheus metrics of one process. Global, so the features that time their own work
 * (matching runs, allocation solves) record without further wiring; scripts that run those features
 * (the demo seed, benchmarks) record too but serve nothing. MetricsEndpointModule serves them.
 */
@Global()
@Module({
  providers: [Metrics, MetricsCollectors, RequestMetrics],
  exports: [Metrics, RequestMetrics],
})
export class MetricsModule {}
