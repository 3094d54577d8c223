import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './database-options';
import { sqliteConnectionOf } from './driver-adapter';
import { inExclusiveTurn, queueSqliteTransactions } from './sqlite-transaction-queue';

describe('queued SQLite transactions', () => {
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    queueSqliteTransactions(dataSource);
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)');
    await dataSource.query('INSERT INTO counter (id, value) VALUES (1, 0)');
  });
  afterEach(() => dataSource.destroy());

  it('runs concurrent read-modify-write transactions one after another, losing no update', async () => {
    const increments = Array.from({ length: 30 }, () =>
      dataSource.transaction(async (manager) => {
        const [{ value }] = await manager.query('SELECT value FROM counter WHERE id = 1');
        await new Promise((resolve) => setImmediate(resolve));
        await manager.query('UPDATE counter SET value = ? WHERE id = 1', [value + 1]);
      }),
    );
    await Promise.all(increments);
    const [{ value }] = await dataSource.query('SELECT value FROM counter WHERE id = 1');
    expect(value).toBe(30);
  });

  it('rolls back only the failing transaction and lets nested ones join their parent', async () => {
    const failing = dataSource.transaction(async (manager) => {
      await manager.query('UPDATE counter SET value = 100 WHERE id = 1');
      throw new Error('refused');
    });
    const nested = dataSource.transaction(async (manager) =>
      manager.transaction(async (inner) => inner.query('UPDATE counter SET value = value + 1 WHERE id = 1')),
    );
    await expect(failing).rejects.toThrow('refused');
    await nested;
    const [{ value }] = await dataSource.query('SELECT value FROM counter WHERE id = 1');
    expect(value).toBe(1);
  });

  it('commits the transactions waiting together once, and tells no caller before that commit', async () => {
    const runner = dataSource.createQueryRunner();
    const statements = jest.spyOn(runner, 'query');
    const committedWhenHeard: number[] = [];
    const increments = Array.from({ length: 10 }, () =>
      dataSource
        .transaction((manager) => manager.query('UPDATE counter SET value = value + 1 WHERE id = 1'))
        .then(() => committedWhenHeard.push(sqliteConnectionOf(dataSource).inTransaction ? -1 : 10)),
    );
    await Promise.all(increments);
    expect(committedWhenHeard).toEqual(Array(10).fill(10));
    const commits = statements.mock.calls.filter(([sql]) => sql === 'COMMIT');
    expect(commits.length).toBeLessThan(10);
    const [{ value }] = await dataSource.query('SELECT value FROM counter WHERE id = 1');
    expect(value).toBe(10);
  });

  it("runs each transaction in its caller's async context", async () => {
    const request = new AsyncLocalStorage<string>();
    const seen = await Promise.all(
      ['first', 'second', 'third'].map((name) => request.run(name, () => dataSource.transaction(async () => request.getStore()))),
    );
    expect(seen).toEqual(['first', 'second', 'third']);
  });

  it('fails every transaction whose savepoint SQLite discarded with the whole transaction, and runs the later ones again', async () => {
    await dataSource.query('CREATE TABLE doomed (id INTEGER)');
    await dataSource.query("CREATE TRIGGER doom BEFORE INSERT ON doomed BEGIN SELECT RAISE(ROLLBACK, 'disk full'); END");
    const increment = () => dataSource.transaction((manager) => manager.query('UPDATE counter SET value = value + 1 WHERE id = 1'));
    const before = increment();
    const failing = dataSource.transaction((manager) => manager.query('INSERT INTO doomed (id) VALUES (1)'));
    const after = increment();
    await expect(before).rejects.toThrow('disk full');
    await expect(failing).rejects.toThrow('disk full');
    await after;
    await increment();
    const [{ value }] = await dataSource.query('SELECT value FROM counter WHERE id = 1');
    expect(value).toBe(2);
    expect(sqliteConnectionOf(dataSource).inTransaction).toBe(false);
  });

  it('queues a transaction that work left running by an ended transaction starts later', async () => {
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const increment = 'UPDATE counter SET value = value + 1 WHERE id = 1';
    let leftRunning: Promise<unknown> = Promise.resolve();
    await dataSource.transaction(async () => {
      leftRunning = pause(5).then(() => dataSource.transaction((manager) => manager.query(increment)));
    });
    const readModifyWrite = dataSource.transaction(async (manager) => {
      const [{ value }] = await manager.query('SELECT value FROM counter WHERE id = 1');
      await pause(20);
      await manager.query('UPDATE counter SET value = ? WHERE id = 1', [value + 1]);
    });
    await Promise.all([leftRunning, readModifyWrite]);
    const [{ value }] = await dataSource.query('SELECT value FROM counter WHERE id = 1');
    expect(value).toBe(2);
  });

  it('gives exclusive work a turn of its own, between transactions, with none open', async () => {
    const order: string[] = [];
    const connection = sqliteConnectionOf(dataSource);
    const before = dataSource.transaction(async (manager) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await manager.query('UPDATE counter SET value = value + 1 WHERE id = 1');
      order.push('transaction before');
    });
    const exclusive = inExclusiveTurn(dataSource, () => {
      order.push(`exclusive, in a transaction: ${connection.inTransaction}`);
      return connection.prepare('SELECT value FROM counter WHERE id = 1').get();
    });
    const after = dataSource.transaction(async () => order.push('transaction after'));
    await Promise.all([before, exclusive, after]);
    expect(order).toEqual(['transaction before', 'exclusive, in a transaction: false', 'transaction after']);
    expect(await exclusive).toEqual({ value: 1 });
  });

  it('takes the write lock when a transaction begins, so another process can no longer slip a write in before ours', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'poa-sqlite-'));
    const file = join(folder, 'shared.sqlite');
    const api = new DataSource({ ...buildDataSourceOptions({ DATABASE_URL: file, usesPostgres: false }, []), migrations: [] });
    await api.initialize();
    const otherProcess = new Database(file, { timeout: 0 });
    try {
      await api.query('CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)');
      await api.query('INSERT INTO counter (id, value) VALUES (1, 0)');
      await api.transaction(async (manager) => {
        const [{ value }] = await manager.query('SELECT value FROM counter WHERE id = 1');
        expect(() => otherProcess.prepare('UPDATE counter SET value = value + 10 WHERE id = 1').run()).toThrow(/locked|busy/i);
        await manager.query('UPDATE counter SET value = ? WHERE id = 1', [value + 1]);
      });
      expect(otherProcess.prepare('SELECT value FROM counter WHERE id = 1').get()).toEqual({ value: 1 });
    } finally {
      otherProcess.close();
      await api.destroy();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
