import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startTestApp, TestApp } from './support/test-app';

/** A console build as `npm run build` lays it out, small enough to check byte for byte. */
function fakeConsoleBuild(): { directory: string; script: string } {
  const directory = mkdtempSync(join(tmpdir(), 'poa-console-'));
  mkdirSync(join(directory, 'assets'));
  writeFileSync(
    join(directory, 'index.html'),
    '<!doctype html><title>poa-match</title><script type="module" src="/assets/app-abc123.js"></script>',
  );
  writeFileSync(join(directory, 'explorer.html'), '<!doctype html><title>poa-match GraphQL explorer</title>');
  const script = `export const greeting = ${JSON.stringify('hello '.repeat(200))};\n`;
  writeFileSync(join(directory, 'assets', 'app-abc123.js'), script);
  writeFileSync(join(directory, 'assets', 'app-abc123.js.br'), brotliCompressSync(script));
  writeFileSync(join(directory, 'assets', 'app-abc123.js.gz'), gzipSync(script));
  return { directory, script };
}

/** The Content-Security-Policy as directive name → sources. */
function policyOf(response: Response): Map<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe('the web console (production mode)', () => {
  const build = fakeConsoleBuild();
  let t: TestApp;
  let origin: string;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers, redirect: 'manual' });

  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', CONSOLE_DIR: build.directory });
    origin = new URL(t.url).origin;
  });
  afterAll(async () => {
    await t.close();
    rmSync(build.directory, { recursive: true, force: true });
  });

  it('serves the app at / with a strict Content-Security-Policy, to be revalidated on each visit', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>poa-match</title>');
    const policy = policyOf(response);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(response.headers.get('content-security-policy')).not.toMatch(/https?:|\*/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('answers a deep link with the app, which routes in the browser', async () => {
    for (const path of ['/needs/3f0c/matches', '/sign-in?next=%2Fneeds', '/graphql-help', '/healthy']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>poa-match</title>');
    }
  });

  it('serves hashed assets for a year, brotli or gzip as the browser accepts', async () => {
    for (const [accepted, encoding] of [
      ['br, gzip', 'br'],
      ['gzip, deflate', 'gzip'],
      ['identity', null],
    ] as const) {
      const response = await get('/assets/app-abc123.js', { 'accept-encoding': accepted });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
      // fetch decodes the body; what arrives is the script itself.
      expect(await response.text()).toBe(build.script);
    }
  });

  it('answers a missing asset with 404, not with the app', async () => {
    const response = await get('/assets/app-000000.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<title>');
    expect(response.headers.get('cache-control')).not.toMatch(/immutable/);
  });

  it('serves the explorer at /explorer, in production too, with inline styles for its editor only', async () => {
    for (const path of ['/explorer', '/explorer.html']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>poa-match GraphQL explorer</title>');
      const policy = policyOf(response);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(policy.get('worker-src')).toEqual(["'self'"]);
    }
  });

  it('leaves /graphql and /health to the API, with the same security headers', async () => {
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(policyOf(health).get('script-src')).toEqual(["'self'"]);

    const posted = await t.gql('{ themes { code } }');
    expect(posted.data?.themes.length).toBe(31);
    const query = await get(`/graphql?query=${encodeURIComponent('{ themes { code } }')}`, { 'apollo-require-preflight': 'true' });
    expect(query.headers.get('content-type')).toMatch(/json/);
    expect(((await query.json()) as { data: { themes: unknown[] } }).data.themes.length).toBe(31);
    expect((await fetch(`${origin}/graphql`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(
      400,
    );
  });

  it("sends a browser that opens /graphql to the explorer instead of Apollo's landing page", async () => {
    const browser = await get('/graphql', { accept: 'text/html,application/xhtml+xml' });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe('/explorer');
    const client = await get('/graphql', { accept: 'application/json' });
    expect(client.headers.get('content-type')).toMatch(/json/);
  });

  describe('without a build', () => {
    let unbuilt: TestApp;
    beforeAll(async () => {
      // The sources have no web build beside them: the default directory (src/web) does not exist.
      unbuilt = await startTestApp({ CONSOLE_DIR: '' });
    });
    afterAll(() => unbuilt.close());

    it('says the console was not built, and the API still works', async () => {
      const unbuiltOrigin = new URL(unbuilt.url).origin;
      for (const path of ['/', '/needs', '/explorer']) {
        const response = await fetch(`${unbuiltOrigin}${path}`);
        expect(response.status).toBe(503);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(await response.text()).toMatch(/not been built.*npm run build/);
      }
      expect((await fetch(`${unbuiltOrigin}/assets/app-abc123.js`)).status).toBe(404);
      expect((await unbuilt.gql('{ themes { code } }')).errors).toBeUndefined();
    });
  });
});
