import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { inDecisionTransaction } from './decision-transaction';

const failure = (code: string) => new QueryFailedError('UPDATE …', [], Object.assign(new Error(code), { code }));

/** A data source whose transactions fail with the given errors, then succeed. */
function flakyDataSource(errors: Error[]): { dataSource: DataSource; attempts: () => number } {
  let attempts = 0;
  const dataSource = {
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
      attempts++;
      const error = errors.shift();
      if (error) throw error;
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { dataSource, attempts: () => attempts };
}

describe('inDecisionTransaction', () => {
  it('runs a decision again after PostgreSQL breaks a deadlock or a serialisation conflict', async () => {
    const { dataSource, attempts } = flakyDataSource([failure('40P01'), failure('40001')]);
    await expect(inDecisionTransaction(dataSource, async () => 'decided')).resolves.toBe('decided');
    expect(attempts()).toBe(3);
  });

  it('gives up after three attempts', async () => {
    const { dataSource, attempts } = flakyDataSource([failure('40P01'), failure('40P01'), failure('40P01')]);
    await expect(inDecisionTransaction(dataSource, async () => 'decided')).rejects.toBeInstanceOf(QueryFailedError);
    expect(attempts()).toBe(3);
  });

  it('never repeats a decision that failed for any other reason', async () => {
    const { dataSource, attempts } = flakyDataSource([failure('23505')]);
    await expect(inDecisionTransaction(dataSource, async () => 'decided')).rejects.toBeInstanceOf(QueryFailedError);
    const refused = flakyDataSource([new Error('CONFLICT')]);
    await expect(inDecisionTransaction(refused.dataSource, async () => 'decided')).rejects.toThrow('CONFLICT');
    expect(attempts()).toBe(1);
    expect(refused.attempts()).toBe(1);
  });
});
