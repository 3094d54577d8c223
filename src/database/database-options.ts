import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * One place decides how we talk to the database, for the API, the worker, the CLI and the tests.
 * Schema changes only ever come from migrations: `synchronize` is never on.
 */
export function buildDataSourceOptions(config: Pick<AppConfig, 'DATABASE_URL' | 'usesPostgres'>): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as const;
  if (config.usesPostgres) {
    return { ...common, type: 'postgres', url: config.DATABASE_URL, extra: { max: 10 } };
  }
  const path = config.DATABASE_URL.replace(/^sqlite:(\/\/)?/, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: path,
    enableWAL: true,
    timeout: 5000,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      // An approval must survive a power cut: FULL syncs the WAL on every commit.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
    },
  };
}
