import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

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
