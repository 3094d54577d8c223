import { Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../../common/errors/domain-errors';
import type { HttpErrorBody } from '../../common/errors/http-error.filter';

/**
 * Knows the HTTP requests in flight, so that stopping can wait for them. Once draining, a request that
 * still arrives on a connection opened earlier (new connections are refused by then) is answered 503
 * SERVICE_UNAVAILABLE with `Connection: close`, and the client sends it again to another replica.
 */
@Injectable()
export class RequestDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  private whenIdle?: () => void;

  /** Runs before every other middleware, so every request the service works on is counted. */
  handler(): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
    return (_request, response, next) => {
      if (this.draining) {
        const body: HttpErrorBody = {
          error: { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'The service is stopping; send the request again.' },
        };
        response
          .writeHead(503, {
            'Content-Type': 'application/json; charset=utf-8',
            'Cache-Control': 'no-store',
            'Retry-After': '1',
            Connection: 'close',
          })
          .end(JSON.stringify(body));
        return;
      }
      this.inFlight.add(response);
      // 'close' comes once the response is sent or its connection is gone, whichever is first.
      response.once('close', () => {
        this.inFlight.delete(response);
        if (this.inFlight.size === 0) this.whenIdle?.();
      });
      next();
    };
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /**
   * Refuses requests from now on and resolves once those in flight have ended. Their connections are
   * closed after their responses, instead of waiting for another request.
   */
  drain(): Promise<void> {
    this.draining = true;
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => (this.whenIdle = resolve));
  }
}
