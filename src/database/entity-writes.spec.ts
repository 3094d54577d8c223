import { Column, CreateDateColumn, DataSource, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { appendRow, appendRows } from './append-row';
import { changeRow } from './change-row';
import { rowForUpdate } from './locking';
import { queueSqliteTransactions } from './sqlite-transaction-queue';

@Entity('records')
class Record {
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Column({ type: 'varchar' })
  status: string;

  @Column({ type: 'simple-array' })
  tags: string[];

  @Column({ type: 'boolean', default: false })
  flagged: boolean;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ name: 'confirmed_at', type: Date, nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'integer', default: 5 })
  priority: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

function record(id: string, fields: Partial<Record> = {}): Record {
  return Object.assign(new Record(), {
    id,
    status: 'DRAFT',
    tags: ['a', 'b'],
    flagged: true,
    dueOn: '2027-03-31',
    confirmedAt: null,
    ...fields,
  });
}

describe('writing entity rows with made-once statements (SQLite)', () => {
  let dataSource: DataSource;
  const stored = (id: string) => dataSource.getRepository(Record).findOneByOrFail({ id });

  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Record], synchronize: true });
    queueSqliteTransactions(dataSource);
    await dataSource.initialize();
  });
  afterEach(() => dataSource.destroy());

  it('inserts rows as save would store them, the defaults of columns left undefined included, and returns them stamped as stored', async () => {
    const first = record('r1');
    const others = [record('r2', { tags: ['c'] }), record('r3', { flagged: false })];
    await dataSource.transaction(async (manager) => {
      await appendRow(manager, Record, first);
      await appendRows(manager, Record, others);
    });
    expect(first.version).toBe(1);
    expect(first.createdAt).toBeInstanceOf(Date);
    expect(await stored('r1')).toEqual({ ...first, priority: 5 });
    expect((await stored('r2')).tags).toEqual(['c']);
    expect((await stored('r3')).flagged).toBe(false);
  });

  it('changes only what the change touched, raises the version, and writes nothing for no change', async () => {
    await dataSource.transaction((manager) => appendRow(manager, Record, record('r1')));
    const confirmedAt = new Date('2026-12-06T10:11:12.345Z');
    const changed = await dataSource.transaction(async (manager) => {
      const row = (await rowForUpdate(manager, Record, 'r1'))!;
      await changeRow(manager, Record, row, (changing) => Object.assign(changing, { status: 'OPEN', confirmedAt, tags: ['a'] }));
      return row;
    });
    expect(changed).toMatchObject({ status: 'OPEN', confirmedAt, tags: ['a'], version: 2 });
    expect(await stored('r1')).toEqual(changed);

    const unchanged = await dataSource.transaction(async (manager) => {
      const row = (await rowForUpdate(manager, Record, 'r1'))!;
      await changeRow(manager, Record, row, (changing) => (changing.status = 'OPEN'));
      return row;
    });
    expect(unchanged.version).toBe(2);
    expect((await stored('r1')).updatedAt).toEqual(changed.updatedAt);
  });

  it('reads nothing for an unknown id and writes nothing when the transaction fails', async () => {
    await dataSource.transaction((manager) => appendRow(manager, Record, record('r1')));
    await expect(dataSource.transaction((manager) => rowForUpdate(manager, Record, 'missing'))).resolves.toBeNull();
    await expect(
      dataSource.transaction(async (manager) => {
        const row = (await rowForUpdate(manager, Record, 'r1'))!;
        await changeRow(manager, Record, row, (changing) => (changing.status = 'WITHDRAWN'));
        await appendRow(manager, Record, record('r2'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await stored('r1')).status).toBe('DRAFT');
    expect(await dataSource.getRepository(Record).countBy({ id: 'r2' })).toBe(0);
  });
});
