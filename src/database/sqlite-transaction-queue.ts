import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';
import { dialectOf, wrapTransactions } from './driver-adapter';

const insideQueuedTransaction = new AsyncLocalStorage<true>();

/** Runs work after every turn taken before it; one queue per data source. */
type TurnQueue = <T>(work: () => Promise<T> | T) => Promise<T>;

const queues = new WeakMap<DataSource, TurnQueue>();

/**
 * TypeORM's better-sqlite3 driver shares one connection (one query runner) between all callers, so
 * two transactions started concurrently would interleave on it and commit or roll back each other's
 * work. On SQLite we therefore queue transactions: each runs alone, start to finish; a transaction
 * opened inside another (a savepoint) joins it instead of waiting for itself. PostgreSQL has a
 * connection per transaction and needs none of this.
 */
export function queueSqliteTransactions(dataSource: DataSource): void {
  if (dialectOf(dataSource) !== 'sqlite') return;
  let queueTail: Promise<unknown> = Promise.resolve();
  const takeTurn: TurnQueue = (work) => {
    const turn = queueTail.then(() => insideQueuedTransaction.run(true, work));
    queueTail = turn.catch(() => undefined);
    return turn;
  };
  queues.set(dataSource, takeTurn);
  wrapTransactions(dataSource, (runTransaction, args) =>
    insideQueuedTransaction.getStore() ? runTransaction(...args) : takeTurn(() => runTransaction(...args)),
  );
}

/**
 * Runs `work` in a turn of the transaction queue, with no TypeORM transaction open on the shared
 * connection: for work that drives the driver's connection itself, synchronously, from BEGIN to
 * COMMIT. Without a queue (PostgreSQL, or one never set up) it simply runs.
 */
export function inExclusiveTurn<T>(dataSource: DataSource, work: () => T): Promise<T> {
  const takeTurn = queues.get(dataSource);
  return takeTurn ? takeTurn(work) : Promise.resolve().then(work);
}
