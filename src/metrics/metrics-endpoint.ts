import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { bearerToken } from '../common/http/bearer-token';
import { AppConfig } from '../config/app-config';
import { clusterMetricsText, isOneOfSeveralApiProcesses } from './cluster-metrics';
import { Metrics } from './metrics';

type Next = (error?: unknown) => void;

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `GET /metrics` in Prometheus's text format. On the API's own port it is served only with
 * METRICS_TOKEN set, to callers that send it as a bearer token; on METRICS_PORT (the worker's only
 * way out) it is served at METRICS_HOST, loopback unless a token guards it (AppConfig checks that).
 */
@Injectable()
export class MetricsEndpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server?: Server;

  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  /** Express middleware for the API's port: answers `/metrics` when a token is set, passes the rest on. */
  onApiPort(): (request: IncomingMessage, response: ServerResponse, next: Next) => void {
    return (request, response, next) => {
      if (!this.config.METRICS_TOKEN || request.url?.split('?')[0] !== '/metrics') return next();
      void this.answer(request, response);
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.METRICS_PORT;
    if (port === undefined) return;
    this.server = createServer((request, response) => {
      if (request.url?.split('?')[0] === '/metrics') return void this.answer(request, response);
      response.writeHead(404).end();
    });
    this.server.listen(port, this.config.METRICS_HOST);
    await once(this.server, 'listening');
    this.logger.log(`metrics at http://${this.config.METRICS_HOST}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (!this.authorised(request)) {
      response.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="metrics"' }).end();
      return;
    }
    try {
      const body = isOneOfSeveralApiProcesses() ? await clusterMetricsText() : await this.metrics.registry.metrics();
      response
        .writeHead(200, { 'Content-Type': this.metrics.registry.contentType, 'Cache-Control': 'no-store' })
        .end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      this.logger.error(`metrics could not be collected: ${error instanceof Error ? error.message : String(error)}`);
      response.writeHead(500).end();
    }
  }

  /** Compared as digests, so neither the token's content nor its length shows in the time taken. */
  private authorised(request: IncomingMessage): boolean {
    const expected = this.config.METRICS_TOKEN;
    if (!expected) return true;
    const given = bearerToken(request.headers.authorization);
    return given !== null && timingSafeEqual(digest(given), digest(expected));
  }
}
