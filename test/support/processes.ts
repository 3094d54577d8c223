import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from './free-port';

export const ROOT = join(__dirname, '..', '..');

export interface RunningProcess {
  child: ChildProcess;
  exited: Promise<number | NodeJS.Signals | null>;
  output(): string;
  /** SIGTERM, and SIGKILL if it has not ended 10 s later; resolves once it has ended. */
  stop(): Promise<void>;
}

/**
 * Starts a command in the repository as an operator would (`npm run …`, `node dist/…`), in a process
 * group of its own (`stop` ends npm and the node it started alike), and resolves once its output
 * contains `ready` (or at once without it).
 */
export async function startProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready?: string,
  timeoutMs = 120_000,
): Promise<RunningProcess> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-50_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // The whole group: `npm run` starts node as a child of its own.
    process.kill(-child.pid!, 'SIGTERM');
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  if (ready) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${command} ${args.join(' ')} was not ready within ${timeoutMs} ms:\n${output}`)),
        timeoutMs,
      );
      const check = () => {
        if (!output.includes(ready)) return;
        clearTimeout(timer);
        resolve();
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      void exited.then((how) => {
        clearTimeout(timer);
        reject(new Error(`${command} ${args.join(' ')} exited (${String(how)}) before it was ready:\n${output}`));
      });
    }).catch(async (error: unknown) => {
      await stop();
      throw error;
    });
  }
  return { child, exited, output: () => output, stop };
}

/** The Redis the specs share (each with a queue prefix of its own). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * What a spec needs to run the compiled API (`node dist/main.js`) as operators do: the build (made
 * first when the sources changed; `npm test` has built already), a free port, and the environment for
 * a database, the shared Redis with a queue prefix of its own, and the first ADMIN's credentials.
 */
export async function compiledApiSetup(
  databaseUrl: string,
  admin: { email: string; password: string },
): Promise<{ env: NodeJS.ProcessEnv; origin: string }> {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  const port = await freePort();
  return {
    origin: `http://127.0.0.1:${port}`,
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `poa-e2e-${randomBytes(4).toString('hex')}`,
      JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    },
  };
}

/** Starts `node dist/main.js` and resolves once it serves. */
export const startCompiledApi = (env: NodeJS.ProcessEnv): Promise<RunningProcess> =>
  startProcess(process.execPath, ['dist/main.js'], env, 'poa-match: console at');

/** Signs in to a compiled API as its first ADMIN (the credentials compiledApiSetup gave it) and returns the token. */
export async function adminToken(origin: string, admin: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({
      query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      variables: admin,
    }),
  });
  const body = (await response.json()) as { data?: { login: { accessToken: string } } };
  if (!body.data) throw new Error(`login failed: ${JSON.stringify(body)}`);
  return body.data.login.accessToken;
}
