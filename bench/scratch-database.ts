/**
 * Throw-away databases for the benchmarks: a SQLite file in a temporary folder by default, or a
 * new PostgreSQL database on the server of BENCH_DATABASE_URL (postgres://…) when it is set. A
 * scratch database can be copied, so every repetition of a run starts from the same rows.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/database-options';
import { ENTITIES } from '../src/app/entities';

export interface ScratchDatabase {
  /** What DATABASE_URL should be for the application to use this database. */
  readonly url: string;
  readonly dialect: 'sqlite' | 'postgres';
  /** A new scratch database with the same rows; close every connection to this one first. */
  copy(): Promise<ScratchDatabase>;
  drop(): Promise<void>;
}

export function benchDialect(): 'sqlite' | 'postgres' {
  return process.env.BENCH_DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite';
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  return benchDialect() === 'postgres' ? createPostgresDatabase() : createSqliteDatabase();
}

/** Opens a connection to the database, applying the application's migrations first when asked. */
export async function openDatabase(url: string, options: { migrate: boolean }): Promise<DataSource> {
  const dataSource = await new DataSource(
    buildDataSourceOptions({ DATABASE_URL: url, usesPostgres: url.startsWith('postgres') }, ENTITIES),
  ).initialize();
  if (options.migrate) await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

function createSqliteDatabase(): ScratchDatabase {
  const folder = mkdtempSync(join(tmpdir(), 'poa-bench-'));
  const url = join(folder, 'bench.sqlite');
  return {
    url,
    dialect: 'sqlite',
    copy: async () => {
      const copy = createSqliteDatabase();
      // Closed connections have checkpointed the WAL, so the main file holds every row.
      copyFileSync(url, copy.url);
      return copy;
    },
    drop: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

async function createPostgresDatabase(template?: string): Promise<ScratchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL!;
  const name = `poa_bench_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dialect: 'postgres',
    copy: () => createPostgresDatabase(name),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
