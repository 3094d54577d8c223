import { DataSource } from 'typeorm';
import { restrictToScope } from './policy-scope';

describe('restrictToScope', () => {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:' });

  it('keeps the parameters of two policies narrowing one query apart', () => {
    const query = dataSource.createQueryBuilder().select('1').from('matches', 'match');
    restrictToScope(query, 'match', [{ owner: 'donor-1', exposures: null }], 'offer.donor_id');
    restrictToScope(query, 'need', [{ owner: 'NGA', exposures: null }], 'need.country_iso3');
    const [sql, parameters] = query.getQueryAndParameters();
    expect(sql).toMatch(/offer\.donor_id = \?.*need\.country_iso3 = \?/);
    expect(parameters).toEqual(['donor-1', 'NGA']);
  });
});
