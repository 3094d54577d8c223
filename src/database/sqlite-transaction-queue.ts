import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import type { DataSource } from 'typeorm';
import { dialectOf, forgetLostTransaction, sqliteConnectionOf, wrapTransactions } from './driver-adapter';

/**
 * The turn the current code runs in. Work that a transaction starts without awaiting it (a promise
 * left running) keeps the turn in its async context after the turn ended; it must then queue again,
 * not run on the connection beside the next turn.
 */
const currentTurn = new AsyncLocalStorage<{ open: boolean }>();

/**
 * At most this many transactions share one commit: enough for every request a busy API has in
 * flight, few enough that the first of them does not wait long for the last.
 */
const MOST_TRANSACTIONS_PER_COMMIT = 32;

interface Turn {
  /** The caller's work, bound to the caller's async context. */
  run: () => unknown;
  /** A TypeORM transaction, which may share its commit with the transactions queued beside it. */
  sharesCommit: boolean;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { turn: Turn; value: unknown } | { turn: Turn; error: unknown };

/**
 * TypeORM's better-sqlite3 driver shares one connection (one query runner) between all callers, so
 * two transactions started concurrently would interleave on it and commit or roll back each other's
 * work. On SQLite we therefore queue transactions: each runs alone, start to finish; a transaction
 * opened inside another (a savepoint) joins it instead of waiting for itself.
 *
 * The transactions waiting in the queue when a turn begins commit together (group commit): one
 * `BEGIN IMMEDIATE`, each transaction a savepoint of it, rolled back alone when it fails, and one
 * `COMMIT`, whose sync of the WAL to disk and wait for the write lock are then paid once for all of
 * them. No caller hears of its transaction before that commit, so what a caller was told is saved is
 * on disk. PostgreSQL has a connection per transaction and needs none of this.
 *
 * So on SQLite a write belongs in `dataSource.transaction` or `manager.transaction`: a `save` outside
 * one starts a transaction on the shared connection that the queue does not see, and a lone UPDATE
 * joins whichever transaction is open there (`updateRows` in update-rows.ts gives it one of its own).
 */
class SqliteTransactionQueue {
  private readonly waiting: Turn[] = [];
  private draining = false;

  constructor(private readonly dataSource: DataSource) {}

  take<T>(work: () => T | Promise<T>, sharesCommit: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // runInAsyncScope rather than AsyncResource.bind, which also defines a deprecated getter on every bound function.
      const callerContext = new AsyncResource('sqlite-transaction');
      const run = () =>
        callerContext.runInAsyncScope(async () => {
          const turn = { open: true };
          try {
            return await currentTurn.run(turn, work);
          } finally {
            turn.open = false;
          }
        });
      this.waiting.push({ run, sharesCommit, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        void this.drain();
      }
    });
  }

  private async drain(): Promise<void> {
    // better-sqlite3 answers synchronously, so a transaction runs from BEGIN to COMMIT without letting
    // the event loop take in another request: without this pause every group would be one transaction.
    // Each group starts a macrotask later, once the requests that arrived meanwhile have reached their
    // transactions and queued beside it.
    for (;;) {
      await nextMacrotask();
      if (this.waiting.length === 0) break;
      const group = this.nextGroup();
      const outcomes = group.length === 1 ? [await outcomeOf(group[0])] : await this.commitTogether(group);
      for (const outcome of outcomes) {
        if ('error' in outcome) outcome.turn.reject(outcome.error);
        else outcome.turn.resolve(outcome.value);
      }
    }
    this.draining = false;
  }

  private nextGroup(): Turn[] {
    const first = this.waiting.shift()!;
    const group = [first];
    if (!first.sharesCommit) return group;
    while (group.length < MOST_TRANSACTIONS_PER_COMMIT && this.waiting[0]?.sharesCommit) group.push(this.waiting.shift()!);
    return group;
  }

  /** Runs each transaction as a savepoint of one transaction, and settles them all only once it committed. */
  private async commitTogether(group: Turn[]): Promise<Outcome[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
    } catch (error) {
      forgetLostTransaction(runner);
      return group.map((turn) => ({ turn, error }));
    }
    const outcomes: Outcome[] = [];
    for (const [index, turn] of group.entries()) {
      const outcome = await outcomeOf(turn);
      outcomes.push(outcome);
      if ('error' in outcome && !sqliteConnectionOf(this.dataSource).inTransaction) {
        // Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction, so
        // the savepoints released before this one are gone too: their callers must hear it, and the
        // transactions not yet run go back to the front of the queue.
        forgetLostTransaction(runner);
        this.waiting.unshift(...group.slice(index + 1));
        return outcomes.map((earlier) => ('error' in earlier ? earlier : { turn: earlier.turn, error: outcome.error }));
      }
    }
    try {
      await runner.commitTransaction();
      return outcomes;
    } catch (error) {
      await runner.rollbackTransaction().catch(() => forgetLostTransaction(runner));
      return outcomes.map(({ turn }) => ({ turn, error }));
    }
  }
}

function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function outcomeOf(turn: Turn): Promise<Outcome> {
  try {
    return { turn, value: await turn.run() };
  } catch (error) {
    return { turn, error };
  }
}

const queues = new WeakMap<DataSource, SqliteTransactionQueue>();

/** Queues the data source's transactions on SQLite (see SqliteTransactionQueue); does nothing on PostgreSQL. */
export function queueSqliteTransactions(dataSource: DataSource): void {
  if (dialectOf(dataSource) !== 'sqlite') return;
  const queue = new SqliteTransactionQueue(dataSource);
  queues.set(dataSource, queue);
  wrapTransactions(dataSource, (runTransaction, args) =>
    currentTurn.getStore()?.open ? runTransaction(...args) : queue.take(() => runTransaction(...args), true),
  );
}

/**
 * Runs `work` in a turn of the transaction queue of its own, with no TypeORM transaction open on the
 * shared connection: for work that drives the driver's connection itself, from BEGIN to COMMIT, and
 * for reads that must see only committed rows. Without a queue (PostgreSQL, or one never set up) it
 * simply runs.
 */
export function inExclusiveTurn<T>(dataSource: DataSource, work: () => T | Promise<T>): Promise<T> {
  const queue = queues.get(dataSource);
  return queue ? queue.take(work, false) : Promise.resolve().then(work);
}
