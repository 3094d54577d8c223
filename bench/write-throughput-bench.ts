/**
 * Writes through the API under load: 12 clients at once create and publish needs and offers over
 * GraphQL HTTP (createNeed + publishNeed, createOffer + publishOffer: two mutations each, five needs
 * to an offer) against the compiled API with NODE_ENV=production, while a separate worker process
 * consumes the rescoring jobs the writes queue (Redis, BullMQ under a queue prefix of its own).
 * Mutations per second over the whole load, each mutation's latency, and the CPU time the API and the
 * worker spent per mutation (which, unlike the rate, does not depend on what else the machine runs).
 *
 * On SQLite the bound the disk sets is measured beside it: the same number of transactions, each
 * inserting the rows a published need writes (the need, its themes, an audit event, an outbox row),
 * by better-sqlite3 alone in a file with the service's pragmas (WAL, synchronous=FULL, 16 KiB pages),
 * on the same file system; and again with synchronous=NORMAL, which does not wait for the disk.
 *
 *   node bench/.build/bench/write-throughput-bench.js [--needs 1000] [--offers 200] [--clients 12] [--seed 5] [--profile]
 *
 * `--profile` writes V8 CPU profiles of the API and the worker (`writes-api.cpuprofile`,
 * `writes-worker.cpuprofile`) to bench/.profiles/.
 *
 * BENCH_DATABASE_URL (a PostgreSQL server) and BENCH_REDIS_URL choose the servers, as for the
 * incremental benchmark. Everything it starts is stopped and dropped on the way out.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argument, prepareAccounts, runClients, startServiceStack, workload } from './api-load';
import { coresBusySince, cpuTimes, percentile, verdict } from './bench-report';
import { BENCH_ADMIN, millisecondsSince, PROFILE_DIR } from './service-process';
import { SyntheticMarket } from './synthetic-market';

const TARGET_MUTATIONS_PER_SECOND = 300;

/**
 * What the disk allows: `count` transactions by better-sqlite3 alone, each writing the rows a
 * published need writes, with the service's pragmas, one after another (as the service's queue of
 * SQLite transactions runs them).
 */
function sqliteTransactionsPerSecond(count: number, synchronous: 'FULL' | 'NORMAL'): number {
  const folder = mkdtempSync(join(tmpdir(), 'poa-bench-fsync-'));
  const db = new Database(join(folder, 'bound.sqlite'));
  try {
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec(`CREATE TABLE needs (id TEXT PRIMARY KEY, title TEXT, description TEXT, status TEXT, budget INTEGER, version INTEGER);
      CREATE TABLE need_themes (need_id TEXT, theme_code TEXT, PRIMARY KEY (need_id, theme_code));
      CREATE TABLE audit_events (id TEXT PRIMARY KEY, entity_id TEXT, action TEXT, changes TEXT, at TEXT);
      CREATE INDEX audit_entity ON audit_events (entity_id);
      CREATE TABLE outbox (id TEXT PRIMARY KEY, job TEXT, payload TEXT, created_at TEXT)`);
    const insertNeed = db.prepare('INSERT INTO needs VALUES (?, ?, ?, ?, ?, 1)');
    const insertTheme = db.prepare('INSERT INTO need_themes VALUES (?, ?)');
    const insertAudit = db.prepare("INSERT INTO audit_events VALUES (?, ?, ?, ?, datetime('now'))");
    const insertOutbox = db.prepare("INSERT INTO outbox VALUES (?, 'rescore-need', ?, datetime('now'))");
    const write = db.transaction((id: string) => {
      insertNeed.run(id, 'Marking and record-keeping of small arms', 'x'.repeat(400), 'OPEN', 250_000);
      insertTheme.run(id, 'MARKING');
      insertTheme.run(id, 'RECORD_KEEPING');
      insertAudit.run(randomUUID(), id, 'PUBLISHED', JSON.stringify({ status: ['DRAFT', 'OPEN'] }));
      insertOutbox.run(randomUUID(), JSON.stringify({ needId: id }));
    });
    const start = process.hrtime.bigint();
    for (let index = 0; index < count; index++) write.immediate(randomUUID());
    return count / (millisecondsSince(start) / 1000);
  } finally {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const needCount = Number(argument('needs', '1000'));
  const offerCount = Number(argument('offers', '200'));
  const clients = Number(argument('clients', '12'));
  const seed = Number(argument('seed', '5'));
  const profile = process.argv.includes('--profile');
  if (profile) mkdirSync(PROFILE_DIR, { recursive: true });
  const stack = await startServiceStack({ profilePrefix: profile ? 'writes' : null });
  try {
    const { url, database, redisUrl } = stack;
    const { secretariat, donorId } = await prepareAccounts(url, BENCH_ADMIN);

    const items = workload(new SyntheticMarket(seed), needCount, offerCount);
    const warmUp = items.splice(0, 24);
    await runClients(url, secretariat.token!, donorId, warmUp, clients);
    console.log(
      `writes: ${clients} clients at once create and publish ${needCount.toLocaleString('en')} needs and ${offerCount.toLocaleString('en')} offers over GraphQL ` +
        `(${items.length * 2} mutations, after ${warmUp.length * 2} not counted); API and a separate worker process (compiled, NODE_ENV=production), ` +
        `${database.dialect}, Redis ${redisUrl}`,
    );
    const [api, worker] = stack.services;
    const cpuBefore = [api.cpuSeconds(), worker.cpuSeconds()];
    const [machineBefore, clientsBefore] = [cpuTimes(), process.cpuUsage()];
    const { seconds, latencies } = await runClients(url, secretariat.token!, donorId, items, clients);
    const [apiCpu, workerCpu] = [api.cpuSeconds() - cpuBefore[0], worker.cpuSeconds() - cpuBefore[1]];
    const { user, system } = process.cpuUsage(clientsBefore);
    const clientsCpu = (user + system) / 1e6;
    const sorted = latencies.sort((a, b) => a - b);
    const rate = latencies.length / seconds;
    console.log(`  ${latencies.length} mutations in ${seconds.toFixed(1)} s: ${rate.toFixed(0)} mutations/s`);
    const perMutation = (cpu: number) => ((cpu * 1000) / latencies.length).toFixed(2);
    console.log(
      `  CPU per mutation: API ${perMutation(apiCpu)} ms (${((100 * apiCpu) / seconds).toFixed(0)}% of a core), ` +
        `worker ${perMutation(workerCpu)} ms (${((100 * workerCpu) / seconds).toFixed(0)}%), ` +
        `the ${clients} clients (this process) ${perMutation(clientsCpu)} ms (${((100 * clientsCpu) / seconds).toFixed(0)}%); ${coresBusySince(machineBefore)}; ` +
        `${TARGET_MUTATIONS_PER_SECOND}/s needs the API at ≤ ${(1000 / TARGET_MUTATIONS_PER_SECOND).toFixed(2)} ms on a core of its own`,
    );
    console.log(
      `  latency of one mutation: p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`,
    );
    console.log(
      `  target ≥ ${TARGET_MUTATIONS_PER_SECOND} mutations/s (SQLite): ${rate.toFixed(0)}, ${database.dialect === 'sqlite' ? verdict(rate >= TARGET_MUTATIONS_PER_SECOND) : 'PostgreSQL figure, for the record'}`,
    );
    if (database.dialect === 'sqlite') {
      const transactions = latencies.length;
      const synced = sqliteTransactionsPerSecond(transactions, 'FULL');
      const unsynced = sqliteTransactionsPerSecond(transactions, 'NORMAL');
      console.log(
        `  the disk's bound: better-sqlite3 alone, ${transactions} transactions of a published need's rows one after another in WAL on the same file system: ` +
          `${synced.toFixed(0)} transactions/s with synchronous=FULL (the service's), ${unsynced.toFixed(0)}/s with synchronous=NORMAL`,
      );
    }
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
