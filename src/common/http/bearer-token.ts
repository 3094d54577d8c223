/** The token of an `Authorization: Bearer <token>` value, from an HTTP header or WebSocket connection parameters. */
export function bearerToken(value: unknown): string | null {
  return typeof value === 'string' && /^Bearer\s+\S/i.test(value) ? value.replace(/^Bearer\s+/i, '') : null;
}
