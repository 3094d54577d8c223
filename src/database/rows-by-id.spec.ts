import { Column, CreateDateColumn, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { entitiesOf, rowsByIds } from './rows-by-id';
import { queueSqliteTransactions } from './sqlite-transaction-queue';

@Entity('entries')
class Entry {
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Column({ type: 'simple-array' })
  tags: string[];

  @Column({ type: 'simple-json', nullable: true })
  figures: { share: number } | null;

  @Column({ type: 'boolean' })
  flagged: boolean;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ name: 'confirmed_at', type: Date, nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'float' })
  score: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}

const entry = (id: string, fields: Partial<Entry> = {}): Partial<Entry> => ({
  id,
  tags: ['a', 'b'],
  figures: { share: 0.25 },
  flagged: true,
  dueOn: '2027-03-31',
  confirmedAt: new Date('2026-12-06T10:11:12.345Z'),
  score: 0.75,
  ...fields,
});

describe('reading rows without TypeORM find (SQLite)', () => {
  let dataSource: DataSource;
  const found = (ids: string[]) => dataSource.getRepository(Entry).find({ where: ids.map((id) => ({ id })), order: { id: 'ASC' } });

  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Entry], synchronize: true });
    queueSqliteTransactions(dataSource);
    await dataSource.initialize();
    await dataSource
      .getRepository(Entry)
      .save([
        entry('e1'),
        entry('e2', { flagged: false, figures: null, dueOn: null, confirmedAt: null, tags: [] }),
        entry('e3', { score: 0.5 }),
      ]);
  });
  afterEach(() => dataSource.destroy());

  it('reads rows by id as the entities TypeORM reads, every column converted alike', async () => {
    const byId = await rowsByIds(dataSource, Entry, ['e2', 'e1', 'missing']);
    expect([...byId.keys()].sort()).toEqual(['e1', 'e2']);
    expect(byId.get('e1')).toBeInstanceOf(Entry);
    expect([byId.get('e1'), byId.get('e2')]).toEqual(await found(['e1', 'e2']));
  });

  it("reads a query builder's rows with its boolean and number parameters, in its order", async () => {
    const rows = await entitiesOf(
      dataSource
        .getRepository(Entry)
        .createQueryBuilder('entry')
        .where('entry.flagged = :flagged', { flagged: true })
        .andWhere('entry.score >= :least', { least: 0.5 })
        .orderBy('entry.score', 'ASC'),
    );
    expect(rows.map((row) => row.id)).toEqual(['e3', 'e1']);
    expect(rows).toEqual(await found(['e3', 'e1']).then(([e1, e3]) => [e3, e1]));
  });

  it('reads what the open transaction wrote, in that transaction', async () => {
    const seen = await dataSource.transaction(async (manager) => {
      await manager.getRepository(Entry).update({ id: 'e1' }, { flagged: false });
      return (await rowsByIds(manager, Entry, ['e1'])).get('e1')?.flagged;
    });
    expect(seen).toBe(false);
  });
});
