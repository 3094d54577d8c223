/**
 * Writes schema.gql from the code-first types: `npm run schema:generate`. The API also rewrites it on
 * every development start; this script does it without a database or a port.
 */
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../src/app/app.factory';

async function main(): Promise<void> {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: ':memory:',
    ADMIN_PASSWORD: 'unused-schema-generation',
  });
  const app = await createApp();
  await app.init();
  const schema = printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema));
  await app.close();
  const header =
    '# ------------------------------------------------------\n# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)\n# ------------------------------------------------------\n\n';
  writeFileSync(join(__dirname, '..', 'schema.gql'), `${header}${schema}`);
  console.log('Wrote schema.gql');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
