import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { Actor } from '../access/actor';
import { AccountStateCache } from '../accounts/account-state';
import { DomainError, ErrorCode } from '../common/errors/domain-errors';
import { AuthService } from './auth.service';
import { bearerToken } from '../common/http/bearer-token';

/** The part of the WebSocket that graphql-ws hands over with each connection. */
interface ConnectionSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/** What a GraphQL WebSocket connection keeps between its messages (graphql-ws puts the socket there). */
export interface SubscriptionConnectionExtra {
  actor?: Actor;
  /** The token version the connection's token carries, checked against the account on every message. */
  tokenVersion?: number;
  socket?: ConnectionSocket;
}

/** setTimeout's longest delay; a token valid for longer is checked again when it runs out. */
const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * Subscriptions use the same bearer token as HTTP, sent once in the connection parameters
 * (`{ "Authorization": "Bearer <token>" }`). The token is checked when the socket opens (a refused
 * one, or one that must change its password first, refuses the connection), and the account behind it
 * on every message after: each subscribe, each result sent, and whenever the account's access changes
 * in any API process. A socket whose token no longer counts (account deactivated, password changed or
 * reset) is closed with 4403 and the reason (`ACCOUNT_DEACTIVATED`, `TOKEN_REVOKED`) as close reason.
 */
@Injectable()
export class SubscriptionAuth implements OnModuleInit, OnModuleDestroy {
  private readonly socketsByUser = new Map<string, Set<SubscriptionConnectionExtra>>();
  private stopFollowing: (() => void) | null = null;

  constructor(
    private readonly auth: AuthService,
    private readonly accountStates: AccountStateCache,
  ) {}

  onModuleInit(): void {
    this.stopFollowing = this.accountStates.onChange((userId) => {
      for (const connection of this.socketsByUser.get(userId) ?? []) void this.stillCounts(connection);
    });
  }

  onModuleDestroy(): void {
    this.stopFollowing?.();
  }

  /** graphql-ws's onConnect: false refuses the connection. */
  async connect(
    connection: SubscriptionConnectionExtra,
    connectionParams: Readonly<Record<string, unknown>> | undefined,
  ): Promise<boolean> {
    const token = bearerToken(connectionParams?.Authorization ?? connectionParams?.authorization);
    if (!token) return false;
    const session = await this.auth.sessionFromToken(token).catch(() => null);
    if (!session || session.passwordChangeRequired) return false;
    connection.actor = session.actor;
    connection.tokenVersion = session.tokenVersion;
    closeWhenTokenExpires(connection.socket, session.expiresAt);
    this.track(session.actor.userId, connection);
    return true;
  }

  /** graphql-ws's onSubscribe: a refused token closes the socket and answers the subscription with the error. */
  async subscribe(connection: SubscriptionConnectionExtra): Promise<GraphQLError[] | undefined> {
    const refusal = await this.stillCounts(connection);
    return refusal ? [new GraphQLError(refusal.message, { extensions: { code: refusal.code, reason: refusal.reason } })] : undefined;
  }

  /**
   * Whether the connection's token still speaks for its account (refreshing the actor, whose role or
   * binding may have changed), else closes the socket and gives the refusal.
   */
  async stillCounts(connection: SubscriptionConnectionExtra): Promise<DomainError | null> {
    if (!connection.actor || connection.tokenVersion === undefined) return null;
    try {
      connection.actor = (await this.auth.accountStateFor(connection.actor.userId, connection.tokenVersion)).actor;
      return null;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // A close reason is limited to 123 bytes: the refusal's name, which the client can act on.
      connection.socket?.close(CloseCode.Forbidden, error.reason ?? ErrorCode.UNAUTHENTICATED);
      return error;
    }
  }

  /** The sockets open now, of every account. */
  get openCount(): number {
    let count = 0;
    for (const sockets of this.socketsByUser.values()) count += sockets.size;
    return count;
  }

  /** Closes every open socket with the code and reason given (the service is stopping). */
  closeAll(code: number, reason: string): void {
    for (const sockets of this.socketsByUser.values()) for (const connection of sockets) connection.socket?.close(code, reason);
  }

  private track(userId: string, connection: SubscriptionConnectionExtra): void {
    const sockets = this.socketsByUser.get(userId) ?? new Set();
    this.socketsByUser.set(userId, sockets.add(connection));
    connection.socket?.once('close', () => {
      sockets.delete(connection);
      if (!sockets.size && this.socketsByUser.get(userId) === sockets) this.socketsByUser.delete(userId);
    });
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
