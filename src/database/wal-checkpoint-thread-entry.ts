import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/** The connection `WalCheckpointer` checkpoints through; it reads and writes no rows. */
const connection = new Database(workerData as string);

parentPort!.on('message', (request: 'checkpoint' | 'close') => {
  if (request === 'close') {
    connection.close();
    parentPort!.close();
    return;
  }
  try {
    connection.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Nothing is lost: SQLite checkpoints on its own once the WAL grows.
  }
  parentPort!.postMessage('done');
});
