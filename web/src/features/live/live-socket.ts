/**
 * What the graphql-ws client says of its socket, heard by the live provider. The subscription alone
 * cannot tell when its socket is acknowledged again, and that is when the lists must be reloaded.
 */
export type SocketSignal = 'connected' | 'closed';

const listeners = new Set<(signal: SocketSignal) => void>();

/** Passed as graphql-ws's `on` option by the API provider. */
export const liveSocketListeners = {
  connected: () => listeners.forEach((listener) => listener('connected')),
  closed: () => listeners.forEach((listener) => listener('closed')),
};

export function onSocketSignal(listener: (signal: SocketSignal) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
