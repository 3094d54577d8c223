import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

describe('the committed schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is what the code generates (run `npm run schema:generate` after changing the API)', () => {
    const generated = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema));
    const committed = readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8').replace(/^(#.*\n)+\n?/, '');
    expect(committed.trim()).toBe(generated.trim());
  });
});
