import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database as SqliteConnection } from 'better-sqlite3';
import type { DataSourceOptions, EntitySchema } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { beginTransactionsImmediately } from './driver-adapter';
import { MIGRATIONS } from './migrations';

/** Entity classes (or schemas) a data source maps. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
export type DataSourceEntities = (Function | EntitySchema)[];

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
    // Rows read from the database become entities without their constructors: a constructor makes a
    // new row's id, which a loaded row would make only to overwrite (a list page reads dozens).
    entitySkipConstructor: true,
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
      // The API and a worker may share the file: each takes the write lock when it begins.
      beginTransactionsImmediately(db);
    },
  };
}
