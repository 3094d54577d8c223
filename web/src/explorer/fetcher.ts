import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import { authorizationOf } from './request-headers';

/**
 * Queries and mutations go over HTTP with the headers of the editor; subscriptions over graphql-ws,
 * which carries the token once, in the connection parameters. So the socket is opened with the
 * Authorization header the user last sent, and opened again when they change it.
 * `headersBeforeEditor` go with what GraphiQL sends before its headers editor exists: the schema's
 * introspection on load, which in production only a Secretariat or ADMIN token may run.
 */
export function createExplorerFetcher(location: Location, headersBeforeEditor: Record<string, string>): Fetcher {
  const url = `${location.origin}/graphql`;
  const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  let current: { authorization: string | undefined; fetcher: Fetcher; close(): void } | null = null;

  const fetcherFor = (authorization: string | undefined): Fetcher => {
    if (!current || current.authorization !== authorization) {
      current?.close();
      const wsClient = createClient({
        url: socketUrl,
        lazy: true,
        connectionParams: authorization ? { Authorization: authorization } : {},
      });
      current = { authorization, fetcher: createGraphiQLFetcher({ url, wsClient }), close: () => void wsClient.dispose() };
    }
    return current.fetcher;
  };

  return (params, options) => {
    const headers = options?.headers ?? headersBeforeEditor;
    return fetcherFor(authorizationOf(headers))(params, { ...options, headers });
  };
}
