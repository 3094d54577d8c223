import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WalCheckpointer } from './wal-checkpointer';

/** Rows whose pages are in the database file itself: committed rows stay in the WAL until a checkpoint. */
const rowsInFile = (file: string) => {
  const copy = `${file}.copy`;
  copyFileSync(file, copy);
  const reader = new Database(copy, { readonly: true });
  try {
    return (reader.prepare("SELECT COUNT(*) AS rows FROM sqlite_master WHERE name = 'rows'").get() as { rows: number }).rows === 0
      ? 0
      : (reader.prepare('SELECT COUNT(*) AS rows FROM rows').get() as { rows: number }).rows;
  } finally {
    reader.close();
    rmSync(copy);
  }
};

/** The thread starts through ts-node here, which takes seconds on a busy machine. */
const THREAD_TEST_TIMEOUT_MS = 60_000;

describe('WalCheckpointer', () => {
  let folder: string;
  let file: string;
  let writer: Database.Database;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'poa-wal-'));
    file = join(folder, 'db.sqlite');
    writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  });
  afterEach(() => {
    writer.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it(
    'copies the WAL into the database file from its own thread, while the writer goes on',
    async () => {
      const insert = writer.prepare('INSERT INTO rows (text) VALUES (?)');
      writer.transaction(() => {
        for (let row = 0; row < 2_000; row++) insert.run('x'.repeat(200));
      })();
      expect(rowsInFile(file)).toBe(0);
      const checkpointer = new WalCheckpointer(file);
      try {
        const first = checkpointer.request();
        insert.run('written while the checkpoint runs');
        // Asked again while the first may still run: one more checkpoint follows, which takes the last row too.
        await Promise.all([first, checkpointer.request()]);
        expect(rowsInFile(file)).toBe(2_001);
      } finally {
        await checkpointer.close();
      }
      expect(writer.prepare('SELECT COUNT(*) AS rows FROM rows').get()).toEqual({ rows: 2_001 });
    },
    THREAD_TEST_TIMEOUT_MS,
  );

  it(
    'closes at once after a request, while its thread is still starting, and lets the request go',
    async () => {
      const checkpointer = new WalCheckpointer(file);
      const request = checkpointer.request();
      await expect(checkpointer.close()).resolves.toBeUndefined();
      await expect(request).resolves.toBeUndefined();
    },
    THREAD_TEST_TIMEOUT_MS,
  );
});
