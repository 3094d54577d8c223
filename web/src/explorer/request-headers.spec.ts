import { describe, expect, it } from 'vitest';
import { authorizationOf, initialHeaders } from './request-headers';

const NOW = Date.UTC(2026, 11, 4, 12);
const stored = (expiresAt: number) =>
  JSON.stringify({
    accessToken: 'token-123',
    expiresAt,
    user: { id: 'u1', email: 'focal.point@example.org', role: 'STATE', country: null, donor: null },
  });

/** What GraphiQL sends for the editor's text: JSONC, comments dropped. */
const sent = (text: string) => JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*})/g, '$1')) as Record<string, string>;

describe('initialHeaders', () => {
  it("sends the console's live session as the Authorization header, and shows it in the editor", () => {
    const headers = initialHeaders(stored(NOW + 60_000), NOW);
    expect(headers.headers).toEqual({ Authorization: 'Bearer token-123' });
    expect(sent(headers.text)).toEqual(headers.headers);
    expect(headers.text).toContain('focal.point@example.org (STATE)');
  });

  it('opens with a template that sends nothing when there is no session, or it has expired', () => {
    for (const session of [null, stored(NOW - 1), '{not json']) {
      const headers = initialHeaders(session, NOW);
      expect(headers.headers).toEqual({});
      expect(sent(headers.text)).toEqual({});
      expect(headers.text).toContain('"Authorization": "Bearer <accessToken>"');
    }
  });
});

describe('authorizationOf', () => {
  it('finds the header whatever its case, and nothing in no headers', () => {
    expect(authorizationOf({ authorization: 'Bearer a' })).toBe('Bearer a');
    expect(authorizationOf({ AUTHORIZATION: 'Bearer b', other: 'x' })).toBe('Bearer b');
    expect(authorizationOf(undefined)).toBeUndefined();
    expect(authorizationOf({ Authorization: 42 })).toBeUndefined();
  });
});
