import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isInputObjectType, isIntrospectionType, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
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

  it('describes every type and field, since the descriptions are what clients read', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isIntrospectionType(type)) continue;
      if (!isObjectType(type) && !isInputObjectType(type)) continue;
      const isRoot = ['Query', 'Mutation', 'Subscription'].includes(type.name);
      if (!isRoot && !type.description) missing.push(type.name);
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
