import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { parseStoredSession, SESSION_STORAGE_KEY, type Session } from './session-store';

/** Why the reader is back at sign-in, shown there in their language. */
export type SignOutReason = 'signedOut' | 'expired';

interface SessionContextValue {
  session: Session | null;
  signOutReason: SignOutReason | null;
  signIn: (session: Session) => void;
  signOut: (reason: SignOutReason) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** The stored session, and why there is none when one was stored but has expired since (the reader comes back to sign-in told why). */
function restoredSession(): { session: Session | null; reason: SignOutReason | null } {
  const stored = localStorage.getItem(SESSION_STORAGE_KEY);
  const session = parseStoredSession(stored, Date.now());
  if (stored && !session) localStorage.removeItem(SESSION_STORAGE_KEY);
  return { session, reason: stored && !session ? 'expired' : null };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [restored] = useState(restoredSession);
  const [session, setSession] = useState<Session | null>(restored.session);
  const [signOutReason, setSignOutReason] = useState<SignOutReason | null>(restored.reason);

  const signIn = useCallback((next: Session) => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(next));
    setSignOutReason(null);
    setSession(next);
  }, []);

  const signOut = useCallback((reason: SignOutReason) => {
    localStorage.removeItem(SESSION_STORAGE_KEY);
    setSignOutReason(reason);
    setSession(null);
  }, []);

  // The token stops working at expiresAt: send the reader to sign-in then rather than at their next failed request.
  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(() => signOut('expired'), Math.max(0, session.expiresAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [session, signOut]);

  const value = useMemo(() => ({ session, signOutReason, signIn, signOut }), [session, signOutReason, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session, on pages only reachable when signed in. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn on a page reached without a session');
  return session;
}
