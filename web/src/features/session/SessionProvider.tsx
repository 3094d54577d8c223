import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { parseStoredSession, SESSION_STORAGE_KEY, type Session } from './session-store';

/**
 * Why the reader is back at sign-in, shown there in their language: signed out, the token expired, an
 * ADMIN deactivated the account, or the token was revoked by a password change or reset elsewhere.
 */
export type SignOutReason = 'signedOut' | 'expired' | 'deactivated' | 'revoked';

/**
 * The API's reason for refusing a token (`extensions.reason` of an UNAUTHENTICATED error, or the
 * reason a subscription socket was closed with), as the sign-in page words it.
 */
export function signOutReasonOf(reason: unknown): SignOutReason {
  if (reason === 'ACCOUNT_DEACTIVATED') return 'deactivated';
  if (reason === 'TOKEN_REVOKED') return 'revoked';
  return 'expired';
}

interface SessionContextValue {
  session: Session | null;
  signOutReason: SignOutReason | null;
  signIn: (session: Session) => void;
  signOut: (reason: SignOutReason) => void;
  /**
   * The API refused `token`: the session ends, unless it has moved on to another token meanwhile (a
   * password change revokes the token it was made with, and answers with the session's next one).
   */
  tokenRefused: (token: string, reason: SignOutReason) => void;
  /**
   * Around this session's own password change: the API revokes the current token (and closes its
   * socket) before its answer with the next token arrives, so that revocation does not end the session.
   */
  changingPassword: (changing: boolean) => void;
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
  /** The session's token, kept apart from the state so a change is seen at once by callbacks, not at the next render. */
  const currentToken = useRef(session?.accessToken ?? null);
  currentToken.current = session?.accessToken ?? null;

  const signOut = useCallback((reason: SignOutReason) => {
    localStorage.removeItem(SESSION_STORAGE_KEY);
    currentToken.current = null;
    setSignOutReason(reason);
    setSession(null);
  }, []);

  const signIn = useCallback((next: Session) => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(next));
    // A refusal of the token it replaces may arrive before the next render.
    currentToken.current = next.accessToken;
    setSignOutReason(null);
    setSession(next);
  }, []);

  const replacedToken = useRef<string | null>(null);
  const tokenRefused = useCallback(
    (token: string, reason: SignOutReason) => {
      if (reason === 'revoked' && token === replacedToken.current) return;
      if (token === currentToken.current) signOut(reason);
    },
    [signOut],
  );
  const changingPassword = useCallback((changing: boolean) => {
    replacedToken.current = changing ? currentToken.current : null;
  }, []);

  // The token stops working at expiresAt: send the reader to sign-in then rather than at their next failed request.
  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(() => signOut('expired'), Math.max(0, session.expiresAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [session, signOut]);

  const value = useMemo(
    () => ({ session, signOutReason, signIn, signOut, tokenRefused, changingPassword }),
    [session, signOutReason, signIn, signOut, tokenRefused, changingPassword],
  );
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
