import Database from 'better-sqlite3';
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
