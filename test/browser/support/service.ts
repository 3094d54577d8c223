import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../support/free-port';

const ROOT = resolve(__dirname, '../../..');
/** The build under test: `dist/` as `npm run build` writes it, unless BROWSER_DIST names another build of the same tree. */
const DIST = resolve(ROOT, process.env.BROWSER_DIST ?? 'dist');

export const DEMO_PASSWORD = 'poa-demo-password-2022';
export const demoEmail = (account: string) => `${account}@demo.poa-match.local`;

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; fields?: { field: string; message: string }[] } }[];
}

export interface Service {
  /** `http://127.0.0.1:<port>`, the only origin a page may talk to. */
  origin: string;
  /** The service's SQLite file, for a test that stands in for time passing (what a daily job would change). */
  databaseFile: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  /** A bearer token for a demo account, signed in through the API. */
  login(email: string, password?: string): Promise<string>;
  stop(): Promise<void>;
}

async function waitForHealth(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited with code ${child.exitCode} before it answered:\n${output()}`);
    try {
      if ((await fetch(`${origin}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`the service did not answer ${origin}/health within 90 s:\n${output()}`);
}

/**
 * Starts the built service as production runs it (`node dist/main.js`) on a free port and a fresh
 * SQLite file seeded with the demo data, without Redis (matching runs in the process).
 */
export async function startService(): Promise<Service> {
  const main = join(DIST, 'main.js');
  if (!existsSync(join(DIST, 'web', 'index.html')) || !existsSync(main)) {
    throw new Error(
      `The browser tests run the built service and console: ${join(DIST, 'web', 'index.html')} or ${main} is missing. Run \`npm run build\` first.`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'poa-browser-'));
  const port = await freePort();
  const databaseFile = join(dir, 'poa-match.sqlite');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseFile,
    JWT_SECRET: 'a-browser-test-secret-that-is-long-enough-for-hs256',
    ADMIN_PASSWORD: 'admin-password-for-browser-tests',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    // Every test signs in from the same address, more often than the default ten a minute.
    LOGIN_RATE_LIMIT: '1000',
  };
  delete env.REDIS_URL;
  delete env.NODE_ENV;

  const seed = spawnSync(process.execPath, [join(DIST, 'seed-demo.js')], { cwd: ROOT, env, encoding: 'utf8', timeout: 180_000 });
  if (seed.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`seeding the demo data failed (${seed.status ?? seed.signal}):\n${seed.stderr}\n${seed.stdout}`);
  }

  let output = '';
  // The service runs as deployed (the seed refuses production, so only the service gets it): CSP, no field suggestions.
  const child = spawn(process.execPath, [main], { cwd: ROOT, env: { ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', (chunk: Buffer) => {
    keep(chunk);
    // Warnings and errors of the service belong in the test's output.
    process.stderr.write(chunk);
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(origin, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }

  const gql: Service['gql'] = async (query, variables = {}, token) => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<any>;
  };
  const login: Service['login'] = async (email, password = DEMO_PASSWORD) => {
    const result = await gql<{ login: { accessToken: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password },
    );
    if (!result.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(result.errors)}`);
    return result.data.login.accessToken;
  };
  return { origin, databaseFile, gql, login, stop };
}
