import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useClient, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MatchEventKind } from '../../gql/enums';
import { useLocale } from '../../i18n/I18nProvider';
import { errorCodeOf } from '../../ui/api-errors';
import { useLiveRefresh } from '../live/LiveProvider';
import { useSession } from '../session/SessionProvider';

// One item is the least the API pages; only the count is read.
const UnreadCountQuery = graphql(`
  query NotificationsUnreadCount {
    notifications(first: 1) {
      unreadCount
    }
  }
`);

const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded($language: String) {
    notificationAdded(language: $language) {
      id
      title
    }
  }
`);

const NO_MATCH_EVENTS: readonly MatchEventKind[] = [];

export interface AddedNotification {
  id: string;
  title: string;
}

interface NotificationsContextValue {
  /** Unread notifications of the reader, null until first known. */
  unreadCount: number | null;
  /** The count the API answered after a change made here (marking read). */
  setUnreadCount: (count: number) => void;
  /** The latest notification that arrived while the console was open, for the header to announce. */
  latest: AddedNotification | null;
  /** Calls `listener` whenever the reader's notifications may have changed (one arrived, or live updates came back). */
  onChange: (listener: () => void) => () => void;
}

const NotificationsContext = createContext<NotificationsContextValue | null>(null);

/**
 * The reader's unread count, kept current by the `notificationAdded` subscription. It rides on the
 * console's one graphql-ws socket beside the match events, and follows their reconnection: when live
 * updates come back after an interruption, it subscribes again and reads the count afresh, as
 * notifications made meanwhile are never replayed. Like the live provider, it holds the feed beside
 * the pages rather than around them, so a new token (a password change) does not reset the page shown.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const [unreadCount, setUnreadCount] = useState<number | null>(null);
  const [latest, setLatest] = useState<AddedNotification | null>(null);
  const listeners = useRef(new Set<() => void>());
  const changed = useCallback(() => listeners.current.forEach((listener) => listener()), []);
  const onChange = useCallback((listener: () => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const signedIn = !!session && !session.passwordChangeRequired;
  const value = useMemo<NotificationsContextValue | null>(
    () => (signedIn ? { unreadCount, setUnreadCount, latest, onChange } : null),
    [signedIn, unreadCount, latest, onChange],
  );
  return (
    <NotificationsContext.Provider value={value}>
      {signedIn ? <NotificationFeed key={session.accessToken} onCount={setUnreadCount} onAdded={setLatest} onChanged={changed} /> : null}
      {children}
    </NotificationsContext.Provider>
  );
}

function NotificationFeed({
  onCount,
  onAdded,
  onChanged,
}: {
  onCount: (count: number | null) => void;
  onAdded: (notification: AddedNotification | null) => void;
  onChanged: () => void;
}) {
  const client = useClient();
  const { locale } = useLocale();
  const [count, reloadCount] = useQuery({ query: UnreadCountQuery, requestPolicy: 'network-only' });
  const [generation, setGeneration] = useState(0);
  const reload = useRef(reloadCount);
  reload.current = reloadCount;

  const changed = useCallback(() => {
    reload.current({ requestPolicy: 'network-only' });
    onChanged();
  }, [onChanged]);

  useEffect(() => {
    if (count.data) onCount(count.data.notifications.unreadCount);
  }, [count.data, onCount]);

  // Signed out or in as someone else, nothing of this reader's is left behind.
  useEffect(
    () => () => {
      onCount(null);
      onAdded(null);
    },
    [onCount, onAdded],
  );

  useEffect(() => {
    let ended = false;
    const subscription = client.subscription(NotificationAddedSubscription, { language: locale }).subscribe((result) => {
      if (ended) return;
      if (result.error) {
        ended = true;
        // Fallen too far behind on an open socket: subscribe again now. A lost socket or a refused token
        // ends the match events too, whose reconnection brings this subscription back (below) or signs out.
        if (errorCodeOf(result.error) === 'EVENTS_DROPPED') {
          setGeneration((current) => current + 1);
          changed();
        }
        return;
      }
      const added = result.data?.notificationAdded;
      if (!added) return;
      onAdded(added);
      changed();
    });
    return () => {
      ended = true;
      subscription.unsubscribe();
    };
  }, [client, locale, generation, changed, onAdded]);

  // No match event concerns the count: only a return of live updates, when every list is reloaded.
  useLiveRefresh(() => {
    setGeneration((current) => current + 1);
    changed();
  }, NO_MATCH_EVENTS);
  return null;
}

/** The reader's notifications state; outside a signed-in console, nothing is known. */
export function useNotifications(): NotificationsContextValue | null {
  return useContext(NotificationsContext);
}

/** Runs `reload` whenever the reader's notifications may have changed while the page is open. */
export function useNotificationsChanged(reload: () => void): void {
  const notifications = useNotifications();
  const latest = useRef(reload);
  latest.current = reload;
  const onChange = notifications?.onChange;
  useEffect(() => onChange?.(() => latest.current()), [onChange]);
}
