import { readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { POSTGRES_TEST_DATABASE_PREFIX, SQLITE_TEST_FOLDER_PREFIX, postgresAdminUrl, usesPostgres } from './test-database';

/**
 * A spec drops its database when it ends; a run that is killed leaves them behind, and over weeks they
 * fill the disk. Before each run, those older than any run could be are removed: a younger one may
 * belong to a run going on beside this one.
 */
const OLDER_THAN_ANY_RUN_MS = 6 * 60 * 60 * 1000;

export default async function removeLeftoverTestDatabases(): Promise<void> {
  const before = Date.now() - OLDER_THAN_ANY_RUN_MS;
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith(SQLITE_TEST_FOLDER_PREFIX)) continue;
    const folder = join(tmpdir(), entry);
    if (statSync(folder).mtimeMs < before) rmSync(folder, { recursive: true, force: true });
  }
  if (usesPostgres()) await dropLeftoverPostgresDatabases(before);
}

async function dropLeftoverPostgresDatabases(before: number): Promise<void> {
  const admin = new Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  try {
    // A database's creation time is that of the PG_VERSION file written into its folder (superuser or
    // pg_read_server_files); without that right, leftovers stay and the run goes on.
    const { rows } = await admin
      .query<{ name: string }>(
        `SELECT datname AS name FROM pg_database
         WHERE datname LIKE $1 AND (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < to_timestamp($2 / 1000.0)`,
        [`${POSTGRES_TEST_DATABASE_PREFIX}%`, before],
      )
      .catch((error: Error) => {
        process.stderr.write(`leftover test databases not removed: ${error.message}\n`);
        return { rows: [] };
      });
    for (const { name } of rows) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
