import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { queueSqliteTransactions } from '../../database/sqlite-transaction-queue';
import { InProcessJobQueue } from '../in-process-job-queue';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

describe('OutboxRelay on SQLite', () => {
  let folder: string;
  let dataSource: DataSource;
  let otherConnection: Database.Database;
  let relay: OutboxRelay;
  const writer = new OutboxWriter();
  const queue = new InProcessJobQueue(1);
  /** For each job run: whether its message was committed when the job ran. */
  const committedWhenRun = new Map<number, boolean>();

  beforeAll(() => {
    Logger.overrideLogger(false);
    queue.register([
      {
        jobName: 'note',
        handle: async ({ n }: { n: number }) => {
          const row = otherConnection.prepare('SELECT 1 FROM outbox_messages WHERE payload = ?').get(JSON.stringify({ n }));
          committedWhenRun.set(n, row !== undefined);
        },
      },
    ]);
  });

  beforeEach(async () => {
    committedWhenRun.clear();
    folder = mkdtempSync(join(tmpdir(), 'poa-outbox-'));
    const file = join(folder, 'outbox.sqlite');
    dataSource = new DataSource({ type: 'better-sqlite3', database: file, enableWAL: true, entities: [OutboxMessage], synchronize: true });
    queueSqliteTransactions(dataSource);
    await dataSource.initialize();
    otherConnection = new Database(file, { readonly: true });
    relay = new OutboxRelay(dataSource, queue, writer, 'api');
    relay.onApplicationBootstrap();
  });

  afterEach(async () => {
    await relay.stop();
    otherConnection.close();
    await dataSource.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function jobsRun(count: number): Promise<void> {
    for (let waited = 0; committedWhenRun.size < count && waited < 3000; waited += 20) await pause(20);
  }

  it('hands a message to the queue only once its transaction committed, also when transactions share a commit', async () => {
    const writes = Array.from({ length: 12 }, (_, n) =>
      dataSource.transaction(async (manager) => {
        await writer.add(manager, 'note', { n });
        await pause(2);
      }),
    );
    await Promise.all(writes);
    await jobsRun(writes.length);
    expect([...committedWhenRun.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, n) => n));
    expect([...committedWhenRun.values()].every(Boolean)).toBe(true);
    expect(await relay.pendingCount()).toBe(0);
  });

  it('does not read the message of a transaction still open on the shared connection', async () => {
    let commit!: () => void;
    const committing = new Promise<void>((resolve) => (commit = resolve));
    const stillOpen = dataSource.transaction(async (manager) => {
      await writer.add(manager, 'note', { n: 1 });
      await committing;
    });
    await pause(10);
    relay.nudge();
    await pause(30);
    expect(committedWhenRun.size).toBe(0);
    commit();
    await stillOpen;
    await jobsRun(1);
    expect(committedWhenRun).toEqual(new Map([[1, true]]));
  });
});
