import { DataSource } from 'typeorm';
import { queueSqliteTransactions } from './sqlite-transaction-queue';

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
});
