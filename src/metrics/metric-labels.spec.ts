import { statementOf } from './metrics-collectors';
import { routeOf } from './request-metrics';

describe('metric labels stay few', () => {
  it.each([
    ['SELECT * FROM "needs"', 'select'],
    ['  insert into matches values (?)', 'insert'],
    ['WITH live AS (SELECT 1) SELECT * FROM live', 'select'],
    ['BEGIN IMMEDIATE TRANSACTION', 'transaction'],
    ['START TRANSACTION', 'transaction'],
    ['RELEASE SAVEPOINT typeorm_1', 'transaction'],
    ['PRAGMA foreign_keys = ON', 'other'],
    ['', 'other'],
  ])('%s is a %s statement', (sql, statement) => {
    expect(statementOf(sql)).toBe(statement);
  });

  it.each([
    [{ method: 'POST', url: '/graphql', route: { path: '/{*path}' } }, '/graphql'],
    [{ method: 'GET', url: '/health?full=1', route: { path: '/health' } }, '/health'],
    [{ method: 'GET', url: '/metrics' }, '/metrics'],
    [{ method: 'GET', url: '/needs/0b6f2c4e-1f7a-4c55-9f5a-6c1b2f1e3a10' }, 'console'],
    [{ method: 'POST', url: '/anything' }, 'unmatched'],
  ])('%j is labelled %s', (request, route) => {
    expect(routeOf(request as never)).toBe(route);
  });
});
