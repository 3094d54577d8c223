import type { Database as SqliteConnection } from 'better-sqlite3';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * The one module that reaches past TypeORM's public API into its drivers. Everything else asks it
 * which database it is on, or for the driver's own handle, so that a TypeORM upgrade that moves
 * these internals breaks one file, not every feature.
 */

export type Dialect = 'sqlite' | 'postgres';

/** The data source itself, or the one an entity manager works on. */
export function dataSourceOf(source: DataSource | EntityManager): DataSource {
  return 'connection' in source ? source.connection : source;
}

export function dialectOf(source: DataSource | EntityManager): Dialect {
  return dataSourceOf(source).options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * The better-sqlite3 connection behind TypeORM's driver. TypeORM shares this one connection between
 * all callers and exposes it only as `driver.databaseConnection`; the match writer runs prepared
 * statements on it synchronously, which TypeORM's async query runner cannot do at the same cost.
 */
export function sqliteConnectionOf(source: DataSource | EntityManager): SqliteConnection {
  const dataSource = 'connection' in source ? source.connection : source;
  if (dialectOf(dataSource) !== 'sqlite') throw new Error('Not a SQLite data source');
  return (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
}

/** The file a SQLite data source opened; null on PostgreSQL and for an in-memory database. */
export function sqliteFileOpenedBy(dataSource: DataSource): string | null {
  const options = dataSource.options;
  return options.type === 'better-sqlite3' && options.database !== ':memory:' ? options.database : null;
}

/** The figures of the pg pool that the metrics report. */
export interface PostgresPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The pg pool behind TypeORM's PostgreSQL driver (`driver.master`, not public): its use is a metric. Null on SQLite. */
export function postgresPoolOf(dataSource: DataSource): PostgresPool | null {
  return dialectOf(dataSource) === 'postgres' ? (dataSource.driver as unknown as { master: PostgresPool }).master : null;
}

/**
 * Makes TypeORM's transactions on this better-sqlite3 connection start with BEGIN IMMEDIATE. The API
 * and a worker may share the file: a deferred BEGIN takes the write lock only at the first write, and
 * SQLite refuses that upgrade at once (no busy wait) when another process wrote meanwhile; BEGIN
 * IMMEDIATE takes the lock up front, where the busy timeout applies. TypeORM has no option for it, and
 * its driver prepares the statement `BEGIN TRANSACTION` on the connection, so the rewrite is there.
 */
export function beginTransactionsImmediately(connection: Pick<SqliteConnection, 'prepare'>): void {
  const prepare = connection.prepare.bind(connection);
  connection.prepare = (sql: string) => prepare(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql);
}

/** `EntityManager.transaction`, with its overloads. */
type RunTransaction = (...args: unknown[]) => Promise<unknown>;

/**
 * Routes every `dataSource.transaction(...)` and `manager.transaction(...)` of the data source's
 * manager through `wrap`, which receives the original call. TypeORM offers no hook around a
 * transaction; the SQLite transaction queue needs one (sqlite-transaction-queue.ts).
 */
export function wrapTransactions(
  dataSource: DataSource,
  wrap: (runTransaction: RunTransaction, args: unknown[]) => Promise<unknown>,
): void {
  const manager = dataSource.manager;
  const runTransaction = manager.transaction.bind(manager) as RunTransaction;
  manager.transaction = (...args: unknown[]) => wrap(runTransaction, args);
}

/**
 * Tells TypeORM's SQLite query runner that no transaction is open any more. SQLite rolls a whole
 * transaction back on some errors (a full disk, an I/O error, a lock wait that timed out at BEGIN);
 * TypeORM's runner would still count it as open, and the next transaction would then open a
 * savepoint where it needs a BEGIN.
 */
export function forgetLostTransaction(runner: QueryRunner): void {
  Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
}
