import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

const insideQueuedTransaction = new AsyncLocalStorage<true>();

/**
 * TypeORM's better-sqlite3 driver shares one connection (one query runner) between all callers, so
 * two transactions started concurrently would interleave on it and commit or roll back each other's
 * work. On SQLite we therefore queue transactions: each runs alone, start to finish; a transaction
 * opened inside another (a savepoint) joins it instead of waiting for itself. PostgreSQL has a
 * connection per transaction and needs none of this.
 */
export function queueSqliteTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const manager = dataSource.manager;
  const runTransaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let queueTail: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    if (insideQueuedTransaction.getStore()) return runTransaction(...args);
    const turn = queueTail.then(() => insideQueuedTransaction.run(true, () => runTransaction(...args)));
    queueTail = turn.catch(() => undefined);
    return turn;
  }) as EntityManager['transaction'];
}
