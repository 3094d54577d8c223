import { extname } from 'node:path';
import { Worker, WorkerOptions } from 'node:worker_threads';

/**
 * How to start a thread whose entry file sits at `entryPath` (without its extension). Compiled, the
 * thread runs the JavaScript file the build put there; from the TypeScript sources (jest, ts-node),
 * it runs the TypeScript file through ts-node. `ownExtension` says which of the two this process runs.
 */
export function workerThreadLaunch(entryPath: string, ownExtension: string): { script: string; execArgv: string[] } {
  const script = `${entryPath}${ownExtension}`;
  return { script, execArgv: ownExtension === '.ts' ? ['--require', 'ts-node/register/transpile-only'] : [] };
}

/**
 * Starts a worker thread on the entry file `entryPath` (an absolute path without its extension,
 * e.g. `join(__dirname, 'scoring-thread-entry')`), compiled or from sources alike.
 */
export function startWorkerThread(entryPath: string, options: Omit<WorkerOptions, 'execArgv' | 'eval'> = {}): Worker {
  const { script, execArgv } = workerThreadLaunch(entryPath, extname(__filename));
  return new Worker(script, { ...options, execArgv });
}
