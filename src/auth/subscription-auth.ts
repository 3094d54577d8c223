import { CloseCode } from 'graphql-ws';
import type { Actor } from '../access/actor';
import { AuthService, TokenSession } from './auth.service';
import { bearerToken } from '../common/http/bearer-token';

/** The part of the WebSocket that graphql-ws hands over with each connection. */
interface ConnectionSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/** What a GraphQL WebSocket connection keeps between its messages (graphql-ws puts the socket there). */
export interface SubscriptionConnectionExtra {
  actor?: Actor;
  socket?: ConnectionSocket;
}

/** setTimeout's longest delay; a token valid for longer is checked again when it runs out. */
const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * Subscriptions use the same bearer token as HTTP, sent once in the connection parameters
 * (`{ "Authorization": "Bearer <token>" }`). The actor is resolved when the socket opens; null
 * refuses the connection.
 */
export async function authenticateConnection(
  auth: AuthService,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
): Promise<TokenSession | null> {
  const token = bearerToken(connectionParams?.Authorization ?? connectionParams?.authorization);
  if (!token) return null;
  try {
    return await auth.sessionFromToken(token);
  } catch {
    return null;
  }
}

/**
 * A socket outlives the request that opened it, so it is closed when its token expires, with the
 * code graphql-ws uses for a refused connection; the client logs in again and reconnects.
 */
export function closeWhenTokenExpires(socket: ConnectionSocket | undefined, expiresAt: Date | null): void {
  if (!socket || !expiresAt) return;
  let timer: NodeJS.Timeout | undefined;
  const closeOnceExpired = () => {
    const remaining = expiresAt.getTime() - Date.now();
    if (remaining <= 0) {
      socket.close(CloseCode.Forbidden, 'The access token has expired; log in again.');
      return;
    }
    // Unreferenced: an open socket, not this timer, is what keeps the process alive.
    timer = setTimeout(closeOnceExpired, Math.min(remaining, LONGEST_TIMER_MS)).unref();
  };
  closeOnceExpired();
  socket.once('close', () => clearTimeout(timer));
}
