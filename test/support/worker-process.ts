import { join } from 'node:path';
import IORedis from 'ioredis';
import { ROOT, RunningProcess, startProcess } from './processes';

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
