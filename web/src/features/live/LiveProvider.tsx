import { createContext, useContext, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import { CloseCode } from 'graphql-ws';
import { useClient, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { MatchEventKind } from '../../gql/enums';
import { useT } from '../../i18n/I18nProvider';
import { signOutReasonOf, useSession } from '../session/SessionProvider';
import { INITIAL_LIVE_STATE, liveStep, RefreshPacer, type LiveNotice } from './live-state';
import { onSocketSignal } from './live-socket';

// Only what tells a page its lists are stale: the pages read the matches themselves, and asking for
// `match` here would cost the API a read per event during a full run.
const MatchEventsSubscription = graphql(`
  subscription LiveMatchEvents {
    matchEvents {
      kind
    }
  }
`);

/** How long "live updates are back" stays on screen. */
const RESTORED_NOTICE_MS = 8_000;

interface Listener {
  kinds: readonly MatchEventKind[] | undefined;
  pacer: RefreshPacer;
}

/** The pages listening for events, each with its own pace of reloads. */
class LiveHub {
  private readonly listeners = new Set<Listener>();

  add(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      listener.pacer.cancel();
      this.listeners.delete(listener);
    };
  }

  event(kind: MatchEventKind): void {
    for (const listener of this.listeners) if (!listener.kinds || listener.kinds.includes(kind)) listener.pacer.poke();
  }

  reloadAll(): void {
    for (const listener of this.listeners) listener.pacer.flush();
  }
}

const HubContext = createContext<LiveHub | null>(null);
const NoticeContext = createContext<LiveNotice | null>(null);

/**
 * Holds the session's one `matchEvents` subscription for every page. Signed out there is none, so
 * no socket is opened; a new sign-in starts afresh.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const [hub] = useState(() => new LiveHub());
  const [notice, setNotice] = useState<LiveNotice | null>(null);
  return (
    <HubContext.Provider value={hub}>
      <NoticeContext.Provider value={notice}>
        {session && !session.passwordChangeRequired ? (
          <LiveConnection key={session.accessToken} token={session.accessToken} hub={hub} onNotice={setNotice} />
        ) : null}
        {children}
      </NoticeContext.Provider>
    </HubContext.Provider>
  );
}

function LiveConnection({ token, hub, onNotice }: { token: string; hub: LiveHub; onNotice: (notice: LiveNotice | null) => void }) {
  const client = useClient();
  const { tokenRefused } = useSession();
  const [state, dispatch] = useReducer(liveStep, INITIAL_LIVE_STATE);
  const live = useRef(state.status === 'live');
  live.current = state.status === 'live';

  useEffect(() => onSocketSignal((type) => dispatch({ type })), []);

  useEffect(() => {
    let ended = false;
    const subscription = client.subscription(MatchEventsSubscription, {}).subscribe((result) => {
      if (ended) return;
      if (result.error) {
        ended = true;
        if (isTokenRefused(result.error)) tokenRefused(token, signOutReasonOf(refusalReason(result.error)));
        else dispatch({ type: 'ended' });
        return;
      }
      const kind = result.data?.matchEvents.kind;
      if (!kind) return;
      // Thousands of events may arrive in a burst: the machine only hears of one while it doubts the subscription.
      if (!live.current) dispatch({ type: 'event' });
      hub.event(kind);
    });
    return () => {
      ended = true;
      subscription.unsubscribe();
    };
  }, [client, hub, token, tokenRefused, state.generation]);

  useEffect(() => {
    if (state.retryInMs === null) return;
    // Spread by a fifth either way, so the consoles a restart of the API cut off do not all come back at the same instant.
    const timer = window.setTimeout(() => dispatch({ type: 'retry' }), state.retryInMs * (0.8 + Math.random() * 0.4));
    // A browser back online need not wait out the backoff.
    const online = () => dispatch({ type: 'retry' });
    window.addEventListener('online', online);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('online', online);
    };
  }, [state.retryInMs, state.failures]);

  useEffect(() => {
    if (state.reloads) hub.reloadAll();
  }, [hub, state.reloads]);

  useEffect(() => {
    onNotice(state.notice);
    if (state.notice !== 'restored') return;
    const timer = window.setTimeout(() => dispatch({ type: 'dismiss' }), RESTORED_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [state.notice, state.reloads, onNotice]);

  useEffect(() => () => onNotice(null), [onNotice]);
  return null;
}

/**
 * The API refuses the socket of a token it no longer accepts (expired, revoked, of a deactivated
 * account, or signed by a key it has since replaced) by closing it with graphql-ws's Forbidden code: no reconnection can help, the
 * reader must sign in again, as when a query is refused UNAUTHENTICATED.
 */
function isTokenRefused(error: CombinedError): boolean {
  const closeCode = (error.networkError as { code?: unknown } | undefined)?.code;
  return (
    closeCode === CloseCode.Forbidden ||
    closeCode === CloseCode.Unauthorized ||
    error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
  );
}

/** Why the API refused the token: the socket's close reason, or the error's `extensions.reason`. */
function refusalReason(error: CombinedError): unknown {
  return (error.networkError as { reason?: unknown } | undefined)?.reason ?? error.graphQLErrors[0]?.extensions?.reason;
}

/**
 * Reloads a page's lists when match events arrive (at most once per 300 ms in a burst) and after
 * live updates were interrupted. `reload` is usually a `useQuery`'s reexecute function.
 */
export function useLiveRefresh(reload: (options: { requestPolicy: 'network-only' }) => unknown, kinds?: readonly MatchEventKind[]): void {
  const hub = useContext(HubContext);
  const latest = useRef({ reload, kinds });
  latest.current = { reload, kinds };
  useEffect(() => {
    if (!hub) return;
    const pacer = new RefreshPacer(() => void latest.current.reload({ requestPolicy: 'network-only' }));
    const listener: Listener = {
      pacer,
      get kinds() {
        return latest.current.kinds;
      },
    };
    return hub.add(listener);
  }, [hub]);
}

/** Above every page: whether live updates were interrupted, and when they are back. The region stays so screen readers hear each change. */
export function LiveNoticeRegion() {
  const t = useT();
  const notice = useContext(NoticeContext);
  const { session } = useSession();
  if (!session) return null;
  return (
    <div className="live-notice" role="status" aria-live="polite">
      {notice === 'interrupted' ? <p className="notice notice--warning live-notice__text">{t('live.notice.interrupted')}</p> : null}
      {notice === 'restored' ? <p className="notice notice--success live-notice__text">{t('live.notice.restored')}</p> : null}
    </div>
  );
}
