/**
 * Writes a migration that brings both databases from the current migrations to the current entities:
 *   npm run migration:generate -- <Name>
 * It replays the existing migrations on a scratch SQLite file and a scratch PostgreSQL database
 * (MIGRATION_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres) and records the SQL
 * TypeORM's schema builder would run on each.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/database-options';
import { ENTITIES } from '../src/app/entities';

async function schemaDiff(url: string): Promise<{ up: string[]; down: string[] }> {
  const usesPostgres = url.startsWith('postgres');
  const dataSource = new DataSource(buildDataSourceOptions({ DATABASE_URL: url, usesPostgres }, ENTITIES));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const log = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: log.upQueries.map((query) => query.query),
      down: log.downQueries.map((query) => query.query).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}

async function withScratchPostgres<T>(work: (url: string) => Promise<T>): Promise<T> {
  const adminUrl = process.env.MIGRATION_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `poa_match_migration_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${scratch}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
  }
}

const literal = (statements: string[]) =>
  statements.length ? `[\n${statements.map((sql) => `        ${JSON.stringify(sql)},`).join('\n')}\n      ]` : '[]';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('Usage: npm run migration:generate -- <PascalCaseName>');
  }
  const sqlite = await schemaDiff(join(mkdtempSync(join(tmpdir(), 'poa-migration-')), 'scratch.sqlite'));
  const postgres = await withScratchPostgres(schemaDiff);
  if (!sqlite.up.length && !postgres.up.length) {
    console.log('The entities match the migrations; nothing to generate.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = join('src', 'database', 'migrations', `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: ${literal(sqlite.up)},
      postgres: ${literal(postgres.up)},
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: ${literal(sqlite.down)},
      postgres: ${literal(postgres.down)},
    });
  }
}
`,
  );
  console.log(`Wrote ${file}; add ${className} to src/database/migrations/index.ts.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
