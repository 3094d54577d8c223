import type { Actor } from './actor';
import { AuthService } from './auth.service';
import { bearerToken } from './bearer-token';

/** What a GraphQL WebSocket connection keeps between its messages. */
export interface SubscriptionConnectionExtra {
  actor?: Actor;
}

/**
 * Subscriptions use the same bearer token as HTTP, sent once in the connection parameters
 * (`{ "Authorization": "Bearer <token>" }`). The actor is resolved when the socket opens; null
 * refuses the connection.
 */
export async function authenticateConnection(auth: AuthService, connectionParams: Readonly<Record<string, unknown>> | undefined): Promise<Actor | null> {
  const token = bearerToken(connectionParams?.Authorization ?? connectionParams?.authorization);
  if (!token) return null;
  try {
    return await auth.actorFromToken(token);
  } catch {
    return null;
  }
}
