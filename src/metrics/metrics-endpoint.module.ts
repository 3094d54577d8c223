import { Module } from '@nestjs/common';
import { MetricsEndpoint } from './metrics-endpoint';
import { MetricsModule } from './metrics.module';

/** `GET /metrics` for the processes operators scrape: the API and the worker. */
@Module({
  imports: [MetricsModule],
  providers: [MetricsEndpoint],
  exports: [MetricsEndpoint],
})
export class MetricsEndpointModule {}
