import helmet, { type HelmetOptions } from 'helmet';

type Directives = Record<string, string[]>;

/**
 * Pages load scripts, styles, fonts and images only from the service itself (no CDN, no inline
 * script), talk only to it (fetch, and graphql-ws: 'self' covers ws:// and wss:// to the same host)
 * and are never framed. The explorer's Monaco editor runs its language services in workers that are
 * files of the console build.
 */
const DIRECTIVES: Directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/** helmet's headers, with the policy above, on every response the service sends. */
export const SECURITY_HEADERS: HelmetOptions = { contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES } };

/**
 * The explorer's policy. Monaco, the editor inside GraphiQL, writes its styles into <style> elements
 * and style attributes at run time (themes, decorations, layout), which the strict policy blocks; so
 * this page alone may use inline styles. Scripts stay 'self' only.
 */
export const explorerContentSecurityPolicy = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: { ...DIRECTIVES, styleSrc: ["'self'", "'unsafe-inline'"] },
});
