import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private redis-server for tests that stop and restart Redis, with the data of every write on disk. */
export class PrivateRedisServer {
  readonly port = 6390 + Math.floor(Math.random() * 2000);
  readonly url = `redis://127.0.0.1:${this.port}`;
  private readonly dir = mkdtempSync(join(tmpdir(), 'poa-redis-'));
  private child?: ChildProcess;

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
      ],
      {
        stdio: 'ignore',
      },
    );
    await this.waitUntil(true);
  }

  /** Kills the server outright, as a crash or a pulled cable would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
    await this.waitUntil(false);
  }

  isRunning(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async waitUntil(listening: boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while ((await this.isListening()) !== listening) {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${this.port} did not ${listening ? 'start' : 'stop'}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private isListening(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = createConnection({ port: this.port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  }
}
