import { join } from 'node:path';
import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../common/worker-threads/start-worker-thread';
import type { DataSource } from 'typeorm';
import { sqliteFileOpenedBy } from './driver-adapter';

const checkpointers = new WeakMap<DataSource, WalCheckpointer>();

/**
 * Copies a SQLite database's WAL into the database file from a thread and a connection of its own.
 * SQLite checkpoints on the committing connection when the WAL has grown past ~1,000 pages; after a
 * large write that is hundreds of megabytes, copied and synced while the thread that committed
 * waits. Writes that turn that off (a full matching run's batches) ask this checkpointer instead,
 * and go on: a PASSIVE checkpoint runs beside readers and writers alike.
 */
export class WalCheckpointer {
  private thread: Worker | null = null;
  /** Callers of the checkpoint that runs now, and of the one to run after it (null: none asked for). */
  private running: (() => void)[] | null = null;
  private requestedAgain: (() => void)[] | null = null;

  constructor(private readonly file: string) {}

  /**
   * Asks for a checkpoint; requests made while one runs are folded into one more. Callers need not
   * wait: the promise, which never rejects, says when a checkpoint begun after the request has ended.
   */
  request(): Promise<void> {
    return new Promise((resolve) => {
      if (this.running) {
        (this.requestedAgain ??= []).push(resolve);
        return;
      }
      this.running = [resolve];
      this.started().postMessage('checkpoint');
    });
  }

  /**
   * Lets the thread finish its checkpoint and close its connection. (Terminating it instead can hang
   * while it is still loading the SQLite driver.)
   */
  async close(): Promise<void> {
    const thread = this.thread;
    if (!thread) return;
    const exited = once(thread, 'exit');
    // Held by nothing else, the process could end before the thread has closed its connection.
    thread.ref();
    thread.postMessage('close');
    await exited;
  }

  private started(): Worker {
    if (this.thread) return this.thread;
    const thread = startWorkerThread(join(__dirname, 'wal-checkpoint-thread-entry'), { workerData: this.file });
    thread.unref();
    thread.on('message', () => {
      this.settle(this.running);
      this.running = this.requestedAgain;
      this.requestedAgain = null;
      if (this.running) thread.postMessage('checkpoint');
    });
    // A checkpoint that cannot run now is not lost: SQLite checkpoints on its own once the WAL grows.
    thread.on('error', () => undefined);
    thread.on('exit', () => {
      if (this.thread === thread) this.thread = null;
      this.settle(this.running);
      this.settle(this.requestedAgain);
      this.running = this.requestedAgain = null;
    });
    return (this.thread = thread);
  }

  private settle(callers: (() => void)[] | null): void {
    for (const resolve of callers ?? []) resolve();
  }
}

/**
 * Gives a SQLite data source on a file a checkpointer, closed with the data source. PostgreSQL and
 * in-memory SQLite get none.
 */
export function attachWalCheckpointer(dataSource: DataSource): void {
  const file = sqliteFileOpenedBy(dataSource);
  if (file === null) return;
  const checkpointer = new WalCheckpointer(file);
  checkpointers.set(dataSource, checkpointer);
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await checkpointer.close();
    return destroy();
  };
}

export function walCheckpointerOf(dataSource: DataSource): WalCheckpointer | null {
  return checkpointers.get(dataSource) ?? null;
}
