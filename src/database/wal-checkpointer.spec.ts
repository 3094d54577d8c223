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

  it('copies the WAL into the database file from its own thread, while the writer goes on', async () => {
    const insert = writer.prepare('INSERT INTO rows (text) VALUES (?)');
    writer.transaction(() => {
      for (let row = 0; row < 2_000; row++) insert.run('x'.repeat(200));
    })();
    expect(rowsInFile(file)).toBe(0);
    const checkpointer = new WalCheckpointer(file);
    try {
      checkpointer.request();
      insert.run('written while the checkpoint runs');
      // Asked again while the first runs: one more checkpoint follows, which takes the last row too.
      checkpointer.request();
      await waitFor(() => rowsInFile(file) === 2_001);
    } finally {
      await checkpointer.close();
    }
    expect(writer.prepare('SELECT COUNT(*) AS rows FROM rows').get()).toEqual({ rows: 2_001 });
  });

  it('closes at once after a request, while its thread is still starting', async () => {
    const checkpointer = new WalCheckpointer(file);
    checkpointer.request();
    await expect(checkpointer.close()).resolves.toBeUndefined();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not reached in 5 s');
}
