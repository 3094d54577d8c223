import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions, EntitySchema } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

/** Entity classes (or schemas) a data source maps. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
export type DataSourceEntities = (Function | EntitySchema)[];

/** The part of a better-sqlite3 connection we tune when it opens. */
interface SqliteConnection {
  pragma(sql: string): unknown;
  prepare(sql: string): unknown;
}

/** The file a SQLite DATABASE_URL names (`sqlite:` and `sqlite://` prefixes are optional). */
export const sqliteFileOf = (url: string): string => url.replace(/^sqlite:(\/\/)?/, '');

/**
 * One place decides how we talk to the database, for the API, the worker, the CLI and the tests.
 * Schema changes only ever come from migrations: `synchronize` is never on. The entities are the
 * caller's: the application composes them from its features, which this layer knows nothing of.
 */
export function buildDataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'usesPostgres'>,
  entities: DataSourceEntities,
): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as const;
  if (config.usesPostgres) {
    return { ...common, type: 'postgres', url: config.DATABASE_URL, extra: { max: 10 } };
  }
  const path = sqliteFileOf(config.DATABASE_URL);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: path,
    enableWAL: true,
    // A worker's matching write may hold the lock for seconds; other writers wait that long, not fail.
    timeout: 15000,
    prepareDatabase: (db: SqliteConnection) => {
      // Takes effect only when the file is created (an older file keeps its 4 KiB pages). A full
      // run adds ~190,000 proposals to the matches table and its four indexes: with 16 KiB pages
      // its commits measured ~40% cheaper, while a small transaction still rewrites a few pages.
      db.pragma('page_size = 16384');
      // An approval must survive a power cut: FULL syncs the WAL on every commit.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      // The API and a worker may share the file. A deferred BEGIN takes the write lock only at the
      // first write, and SQLite refuses that upgrade at once (no busy wait) when another process
      // wrote meanwhile; BEGIN IMMEDIATE takes the lock up front, where the busy timeout applies.
      const prepare = db.prepare.bind(db);
      db.prepare = (sql: string) => prepare(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql);
    },
  };
}
