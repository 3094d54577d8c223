import { Injectable } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Metrics } from './metrics';

type Request = IncomingMessage & { route?: { path?: unknown }; originalUrl?: string };
type Next = (error?: unknown) => void;

/** Distinct operation names kept as labels; the rest (names are the client's choice) count as "(other)". */
export const MAX_OPERATION_NAMES = 200;

/**
 * The route label of a finished request: /graphql and /metrics by name, the controller's route
 * when one matched, "console" for the web console's pages and files, "unmatched" for anything else.
 * Never the raw path, which would give every deep link and id a series of its own.
 */
export function routeOf(request: Request): string {
  const path = (request.originalUrl ?? request.url ?? '').split('?')[0];
  // Apollo's router matches every path under /graphql; /metrics is answered before any route.
  if (path === '/graphql' || path === '/metrics') return path;
  if (typeof request.route?.path === 'string') return request.route.path;
  return request.method === 'GET' || request.method === 'HEAD' ? 'console' : 'unmatched';
}

/** HTTP request durations (an Express middleware) and GraphQL operation durations (an Apollo plugin). */
@Injectable()
export class RequestMetrics {
  private readonly operationNames = new Set<string>();

  constructor(private readonly metrics: Metrics) {}

  httpDurations(): (request: Request, response: ServerResponse, next: Next) => void {
    const histogram = this.metrics.httpRequestDuration;
    return (request, response, next) => {
      const stop = histogram.startTimer();
      response.once('finish', () => stop({ method: request.method, route: routeOf(request), status_code: response.statusCode }));
      next();
    };
  }

  /**
   * Outcome is "success", or the code of the first error (BAD_USER_INPUT, FORBIDDEN…; a request that
   * does not parse or validate has Apollo's own codes). Subscriptions over graphql-ws do not pass here.
   */
  graphqlPlugin(): ApolloServerPlugin {
    const histogram = this.metrics.graphqlRequestDuration;
    return {
      requestDidStart: async () => {
        const stop = histogram.startTimer();
        return {
          willSendResponse: async ({ request, operation, response }) => {
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            const code = errors?.[0]?.extensions?.code;
            stop({
              operation_name: this.operationLabel(operation?.name?.value ?? request.operationName ?? undefined),
              operation_type: operation?.operation ?? 'unknown',
              outcome: errors?.length ? (typeof code === 'string' ? code : 'error') : 'success',
            });
          },
        };
      },
    };
  }

  private operationLabel(name: string | undefined): string {
    if (!name) return '(anonymous)';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES || !/^[_A-Za-z]\w{0,99}$/.test(name)) return '(other)';
    this.operationNames.add(name);
    return name;
  }
}
