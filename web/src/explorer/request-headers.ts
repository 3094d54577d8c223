import { parseStoredSession, type Session } from '../features/session/session-store';

export interface InitialHeaders {
  /** What the headers editor opens with (JSONC: its comments are not sent). */
  text: string;
  /** The same headers, for the requests GraphiQL sends before the editor exists (the schema's introspection). */
  headers: Record<string, string>;
}

/**
 * A live console session is sent as it is, so a signed-in user runs operations as themselves in one
 * step and sees the header they may change; without one, a template says where a token comes from.
 */
export function initialHeaders(storedSession: string | null, now: number): InitialHeaders {
  const session = parseStoredSession(storedSession, now);
  if (!session) return { text: TEMPLATE, headers: {} };
  const authorization = `Bearer ${session.accessToken}`;
  return { text: sessionHeadersText(session, authorization), headers: { Authorization: authorization } };
}

function sessionHeadersText(session: Session, authorization: string): string {
  const expiry = new Date(session.expiresAt).toISOString();
  return [
    '{',
    `  // The console's session: ${session.user.email} (${session.user.role}), until ${expiry}.`,
    `  "Authorization": ${JSON.stringify(authorization)}`,
    '}',
    '',
  ].join('\n');
}

const TEMPLATE = [
  '{',
  '  // Not signed in to the console. Run the login mutation, then put its accessToken here',
  '  // and remove the slashes:',
  '  // "Authorization": "Bearer <accessToken>"',
  '}',
  '',
].join('\n');

/** The Authorization header of a request as the headers editor sent it, whatever its case. */
export function authorizationOf(headers: Record<string, unknown> | undefined): string | undefined {
  const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization');
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}
