/** Standard base64 (RFC 4648 section 4) after line breaks are removed: the alphabet, then at most two "=". */
const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes standard base64, or returns null when the text is not base64. Node's own decoder silently
 * skips characters outside the alphabet, which would turn a wrong upload into a wrong document.
 */
export function decodeBase64Strictly(encoded: string): Buffer | null {
  const compact = encoded.replace(/[\r\n\t ]+/g, '');
  if (compact.length % 4 !== 0 || !BASE64_BODY.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}
