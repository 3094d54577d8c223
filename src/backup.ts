import { backupDatabase, RestoreRefusedError, restoreDatabase } from './database/backup/database-backup';
import { configFromEnvironment } from './config/app-config';

const USAGE = 'usage: npm run backup -- <file>  |  npm run restore -- <file> [--force]';

/**
 * Backup and restore of the configured database (DATABASE_URL). Kept apart from `npm run cli`,
 * whose start-up connects to the database and runs migrations: a restore must not have the
 * database it replaces open.
 */
async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const force = rest.includes('--force');
  const [file, ...extra] = rest.filter((argument) => argument !== '--force');
  if (!file || extra.length || (command !== 'backup' && command !== 'restore') || (force && command === 'backup')) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = configFromEnvironment();
  if (command === 'backup') {
    await backupDatabase(config, file);
    console.log(`Backed up the database to ${file}.`);
  } else {
    await restoreDatabase(config, file, { force });
    console.log(`Restored the database from ${file}.`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof RestoreRefusedError ? error.message : error);
  process.exit(1);
});
