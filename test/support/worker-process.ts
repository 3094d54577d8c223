import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { openDatabase } from './bulk-market';
import { ROOT, RunningProcess, startProcess, TEST_REDIS_URL } from './processes';
import { startTestApp, TestApp } from './test-app';

/** An API that only produces jobs, on the shared Redis, with what its workers and the test share. */
export interface QueuedApp {
  t: TestApp;
  /** The environment of the API, with its DATABASE_URL: what a worker needs to join it. */
  env: Record<string, string>;
  /** The API's database, opened for the test's own reads and writes. */
  database: DataSource;
}

/** Starts the API on a fresh database, producing jobs under a queue prefix of its own (`env` adds to or overrides its settings). */
export async function startQueuedApp(env: Record<string, string> = {}): Promise<QueuedApp> {
  const appEnv = { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: `poa-e2e-${randomBytes(4).toString('hex')}`, JOB_LOCK_MS: '2000', ...env };
  const t = await startTestApp(appEnv);
  const withDatabase = { ...appEnv, DATABASE_URL: process.env.DATABASE_URL! };
  return { t, env: withDatabase, database: await openDatabase(withDatabase.DATABASE_URL) };
}

/** Kills the worker, if any, stops the API, drops its database and removes its queue's keys. */
export async function stopQueuedApp(app: Partial<QueuedApp>, worker?: WorkerProcess): Promise<void> {
  if (worker) await stopWorker(worker, 'SIGKILL');
  await app.database?.destroy();
  await app.t?.close();
  if (app.env) await deleteQueueKeys(app.env.REDIS_URL, app.env.QUEUE_PREFIX);
}

export type WorkerProcess = RunningProcess;

/**
 * Starts the real worker entry point (`src/worker.ts`) as a separate process against the same
 * database and Redis as the test's API, and resolves once it consumes jobs.
 */
export function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const script = join(ROOT, 'src', 'worker.ts');
  return startProcess(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', script],
    { ...env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), LOG_LEVEL: 'info' },
    'consuming jobs',
    60_000,
  );
}

/** Stops a worker with SIGTERM (graceful) or SIGKILL (a crash) and waits for it to be gone. */
export async function stopWorker(
  worker: WorkerProcess,
  signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM',
): Promise<number | NodeJS.Signals | null> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill(signal);
  return worker.exited;
}

/** Removes every Redis key of a test's queue prefix, so test runs leave the shared Redis clean. */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new IORedis(redisUrl);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
