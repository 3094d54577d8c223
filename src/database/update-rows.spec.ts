import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { queueSqliteTransactions } from './sqlite-transaction-queue';
import { updateRows } from './update-rows';

@Entity('counters')
class Counter {
  @PrimaryColumn()
  id: number;

  @Column()
  value: number;
}

describe('updateRows on SQLite', () => {
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Counter], synchronize: true });
    queueSqliteTransactions(dataSource);
    await dataSource.initialize();
    await dataSource.getRepository(Counter).insert({ id: 1, value: 0 });
  });
  afterEach(() => dataSource.destroy());

  it('is not undone when a transaction open beside it on the shared connection rolls back', async () => {
    let fail!: () => void;
    const failing = dataSource.transaction(async (manager) => {
      await manager.update(Counter, { id: 1 }, { value: 100 });
      await new Promise<void>((resolve) => (fail = resolve));
      throw new Error('refused');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const update = updateRows(dataSource, Counter, { id: 1 }, { value: 7 });
    fail();
    await expect(failing).rejects.toThrow('refused');
    expect((await update).affected).toBe(1);
    expect(await dataSource.getRepository(Counter).findOneByOrFail({ id: 1 })).toEqual({ id: 1, value: 7 });
  });
});
