import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { AppConfig } from '../../config/app-config';
import { sqliteFileOf } from '../database-options';

const run = promisify(execFile);

type DatabaseConfig = Pick<AppConfig, 'DATABASE_URL' | 'usesPostgres'>;

/** A restore was refused: the database is in use, or the file is not a backup this command can read. */
export class RestoreRefusedError extends Error {}

/**
 * Writes a backup of the configured database to `file`, safe while the service writes: on SQLite
 * with the online backup API, on PostgreSQL with `pg_dump` in custom format (one snapshot). The
 * backup is written beside `file` and renamed into place once complete and checked, so `file` is
 * never a half-written backup.
 */
export async function backupDatabase(config: DatabaseConfig, file: string): Promise<void> {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    if (config.usesPostgres) {
      await run('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`, `--dbname=${config.DATABASE_URL}`]);
      // pg_restore reads the archive's table of contents; an unreadable archive fails here, not at restore time.
      await run('pg_restore', ['--list', partial]);
    } else {
      const source = new Database(sqliteFileOf(config.DATABASE_URL), { fileMustExist: true });
      try {
        // All remaining pages in one step: a WAL reader's snapshot, so writes committed meanwhile
        // neither restart the copy nor end up half in it, and writers are not blocked.
        await source.backup(partial, { progress: ({ totalPages }) => totalPages });
      } finally {
        source.close();
      }
      assertSqliteIntact(partial);
    }
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Replaces the configured database with a backup. Refuses while another process has the database
 * open (a running API or worker would keep writing to what it had open) unless `force` is set.
 */
export async function restoreDatabase(config: DatabaseConfig, file: string, options: { force: boolean }): Promise<void> {
  if (!existsSync(file)) throw new RestoreRefusedError(`There is no backup file ${file}.`);
  if (config.usesPostgres) {
    await run('pg_restore', ['--list', file]).catch((error: Error & { stderr?: string }) => {
      throw new RestoreRefusedError(`${file} is not a PostgreSQL backup: ${error.stderr?.trim() || error.message}`);
    });
    if (!options.force) {
      const others = await otherPostgresSessions(config.DATABASE_URL);
      if (others.length)
        throw new RestoreRefusedError(
          `The database is in use by ${others.length} other session(s) (${others.join(', ')}); stop the service first, or pass --force.`,
        );
    }
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${config.DATABASE_URL}`, file]);
    return;
  }
  assertSqliteIntact(file);
  const target = sqliteFileOf(config.DATABASE_URL);
  if (!options.force) {
    const users = processesWithFileOpen([target, `${target}-wal`]);
    if (users.length)
      throw new RestoreRefusedError(
        `The database ${target} is open in process(es) ${users.join(', ')}; stop the service first, or pass --force.`,
      );
  }
  const incoming = `${target}.restoring`;
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await copy.backup(incoming, { progress: ({ totalPages }) => totalPages });
  } finally {
    copy.close();
  }
  // The old write-ahead log belongs to the database being replaced; replayed over the backup it would corrupt it.
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(incoming, target);
}

function assertSqliteIntact(file: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new RestoreRefusedError(`${file} is damaged: ${String(result)}`);
  } catch (error) {
    if (error instanceof RestoreRefusedError) throw error;
    throw new RestoreRefusedError(`${file} is not a SQLite backup: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db?.close();
  }
}

/** Other sessions connected to the database, as "pid (application)". */
async function otherPostgresSessions(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number; application_name: string }>(
      'SELECT pid, application_name FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows.map((row) => `${row.pid}${row.application_name ? ` (${row.application_name})` : ''}`);
  } finally {
    await client.end();
  }
}

/**
 * Processes other than this one holding any of `files` open, from /proc (Linux, where the service
 * runs). SQLite in WAL mode takes no lock while idle, so a lock test could not tell that an API is running.
 */
function processesWithFileOpen(files: string[]): number[] {
  const wanted = new Set(files.filter((file) => existsSync(file)).map((file) => realpathSync(file)));
  if (!wanted.size || !existsSync('/proc')) return [];
  const users: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let descriptors: string[];
    try {
      descriptors = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // ended meanwhile, or another user's process
    }
    const holds = descriptors.some((fd) => {
      try {
        return wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        return false;
      }
    });
    if (holds) users.push(pid);
  }
  return users;
}
