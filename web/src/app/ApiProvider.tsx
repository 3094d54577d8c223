import { useMemo, type ReactNode } from 'react';
import { cacheExchange, Client, fetchExchange, mapExchange, Provider, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';
import { liveSocketListeners } from '../features/live/live-socket';
import { signOutReasonOf, useSession } from '../features/session/SessionProvider';

/**
 * One GraphQL client per signed-in session: signing in as someone else starts from an empty cache.
 * Queries and mutations go over HTTP with the bearer token; subscriptions over graphql-ws with the
 * token in the connection parameters, as the API expects.
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { session, tokenRefused } = useSession();
  const token = session?.accessToken ?? null;

  const client = useMemo(() => {
    const authorization: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    // No silent retries: a lost socket ends the subscription, so the live feature can tell the reader,
    // subscribe again with its own backoff and reload what was missed meanwhile.
    const ws = createWsClient({ url: wsUrl, lazy: true, connectionParams: authorization, retryAttempts: 0, on: liveSocketListeners });
    return new Client({
      url: '/graphql',
      // POST with a JSON body: Apollo's CSRF prevention refuses a GET without a preflight header,
      // and a token-bearing query has no business in URLs and proxy logs anyway.
      preferGetMethod: false,
      requestPolicy: 'cache-and-network',
      fetchOptions: { headers: authorization },
      exchanges: [
        // A token the API no longer accepts ends the session; the reader is told why at sign-in.
        mapExchange({
          onError(error) {
            const refusal = error.graphQLErrors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
            if (token && refusal) tokenRefused(token, signOutReasonOf(refusal.extensions?.reason));
          },
        }),
        cacheExchange,
        fetchExchange,
        subscriptionExchange({
          forwardSubscription(request) {
            const input = { ...request, query: request.query ?? '' };
            return { subscribe: (sink) => ({ unsubscribe: ws.subscribe(input, sink) }) };
          },
        }),
      ],
    });
  }, [token, tokenRefused]);

  return <Provider value={client}>{children}</Provider>;
}
