/**
 * The signed-in session, kept in localStorage so it survives a reload until the token expires. The
 * offline explorer (`/explorer`) reads the same entry to send the console's token in one step.
 */
export const SESSION_STORAGE_KEY = 'poa-match.session';

export type Role = 'STATE' | 'DONOR' | 'SECRETARIAT' | 'ADMIN';

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  country: { iso3: string; iso2: string; name: string } | null;
  donor: { id: string; name: string } | null;
}

export interface Session {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  user: SessionUser;
  /** Signed in with a one-time password: the API answers only the password change until it is made. */
  passwordChangeRequired: boolean;
}

export function sessionFromLogin(
  result: { accessToken: string; expiresIn: number; user: SessionUser; passwordChangeRequired: boolean },
  now: number,
): Session {
  return {
    accessToken: result.accessToken,
    expiresAt: now + result.expiresIn * 1000,
    user: result.user,
    passwordChangeRequired: result.passwordChangeRequired,
  };
}

/** A stored session, unless it is missing, damaged or expired. */
export function parseStoredSession(raw: string | null, now: number): Session | null {
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Partial<Session>;
    if (typeof session.accessToken !== 'string' || typeof session.expiresAt !== 'number' || !session.user?.role) return null;
    // Sessions stored before the password change existed had none to make.
    return session.expiresAt > now ? { ...(session as Session), passwordChangeRequired: session.passwordChangeRequired === true } : null;
  } catch {
    return null;
  }
}

/** The Secretariat and operators act for any state or donor; states and donors only for their own. */
export function actsForOthers(role: Role): boolean {
  return role === 'SECRETARIAT' || role === 'ADMIN';
}
