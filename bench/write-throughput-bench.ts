/**
 * Writes through the API under load: 12 clients at once create and publish needs and offers over
 * GraphQL HTTP (createNeed + publishNeed, createOffer + publishOffer: two mutations each, five needs
 * to an offer) against the compiled API with NODE_ENV=production, while a separate worker process
 * consumes the rescoring jobs the writes queue (Redis, BullMQ under a queue prefix of its own).
 * Mutations per second over the whole load, and each mutation's latency.
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
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { percentile, verdict } from './bench-report';
import { createScratchDatabase, ScratchDatabase } from './scratch-database';
import {
  BENCH_ADMIN,
  benchServiceEnv,
  COMPILED_SOURCE,
  freePort,
  GraphQLClient,
  millisecondsSince,
  PROFILE_DIR,
  ServiceProcess,
} from './service-process';
import { SyntheticMarket, SyntheticNeed, SyntheticOffer } from './synthetic-market';

const TARGET_MUTATIONS_PER_SECOND = 300;
const SECRETARIAT = { email: 'secretariat@bench.local', password: 'a-benchmark-secretariat-password' };

const CREATE_NEED = 'mutation CreateNeed($input: CreateNeedInput!) { createNeed(input: $input) { id } }';
const PUBLISH_NEED = 'mutation PublishNeed($id: ID!) { publishNeed(id: $id) { id status } }';
const CREATE_OFFER = 'mutation CreateOffer($input: CreateOfferInput!) { createOffer(input: $input) { id } }';
const PUBLISH_OFFER = 'mutation PublishOffer($id: ID!) { publishOffer(id: $id) { id status } }';

function argument(name: string, fallback: string): string {
  const position = process.argv.indexOf(`--${name}`);
  return position >= 0 ? process.argv[position + 1] : fallback;
}

type Item = { kind: 'need'; need: SyntheticNeed } | { kind: 'offer'; offer: SyntheticOffer };

/**
 * The synthetic offer as its donor's desk would post it: countries by ISO code, areas by M49 code,
 * and grant limits within the capacity, as the API requires (the generator draws them apart).
 */
function offerInput(offer: SyntheticOffer, donorId: string): Record<string, unknown> {
  const { eligibleAreaCodes, ...rest } = offer;
  const maxGrantUsd = rest.maxGrantUsd === null ? null : Math.min(rest.maxGrantUsd, rest.capacityUsd);
  const minGrantUsd = rest.minGrantUsd === null ? null : Math.min(rest.minGrantUsd, maxGrantUsd ?? rest.capacityUsd);
  return {
    ...rest,
    minGrantUsd,
    maxGrantUsd,
    donorId,
    eligibleCountryIso3s: eligibleAreaCodes.filter((code) => /^[A-Z]{3}$/.test(code)),
    eligibleRegionCodes: eligibleAreaCodes.filter((code) => /^\d{3}$/.test(code)),
  };
}

/** Needs and offers interleaved, so offers arrive all through the load as they would. */
function workload(market: SyntheticMarket, needCount: number, offerCount: number): Item[] {
  const needs = market.needs(needCount);
  // The generator exhausts some offers (capacity 0), which the API refuses to create.
  const offers = market
    .offers(offerCount * 2)
    .filter((offer) => offer.capacityUsd > 0)
    .slice(0, offerCount);
  const items: Item[] = [];
  const needsPerOffer = needCount / Math.max(1, offerCount);
  for (let n = 0, o = 0; n < needs.length || o < offers.length;) {
    if (o < offers.length && (n >= needs.length || n >= (o + 1) * needsPerOffer - 1)) items.push({ kind: 'offer', offer: offers[o++] });
    else items.push({ kind: 'need', need: needs[n++] });
  }
  return items;
}

async function runClients(
  url: string,
  token: string,
  donorId: string,
  items: Item[],
  clients: number,
): Promise<{ seconds: number; latencies: number[] }> {
  let next = 0;
  const latencies: number[] = [];
  const timed = async <T>(client: GraphQLClient, query: string, variables: Record<string, unknown>): Promise<T> => {
    const start = process.hrtime.bigint();
    const data = await client.request<T>(query, variables);
    latencies.push(millisecondsSince(start));
    return data;
  };
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new GraphQLClient(url);
      client.token = token;
      for (let index = next++; index < items.length; index = next++) {
        const item = items[index];
        if (item.kind === 'need') {
          const { createNeed } = await timed<{ createNeed: { id: string } }>(client, CREATE_NEED, { input: item.need });
          await timed(client, PUBLISH_NEED, { id: createNeed.id });
        } else {
          const { createOffer } = await timed<{ createOffer: { id: string } }>(client, CREATE_OFFER, {
            input: offerInput(item.offer, donorId),
          });
          await timed(client, PUBLISH_OFFER, { id: createOffer.id });
        }
      }
    }),
  );
  return { seconds: millisecondsSince(start) / 1000, latencies };
}

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

async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const needCount = Number(argument('needs', '1000'));
  const offerCount = Number(argument('offers', '200'));
  const clients = Number(argument('clients', '12'));
  const seed = Number(argument('seed', '5'));
  const profile = process.argv.includes('--profile');
  if (profile) mkdirSync(PROFILE_DIR, { recursive: true });
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const queuePrefix = `poa-bench-${randomBytes(4).toString('hex')}`;
  const services: ServiceProcess[] = [];
  let database: ScratchDatabase | undefined;
  const cleanUp = async () => {
    for (const service of [...services].reverse()) await service.stop();
    await database?.drop();
    await deleteQueueKeys(redisUrl, queuePrefix).catch((error: unknown) =>
      console.error(`could not delete the queue keys: ${String(error)}`),
    );
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

  try {
    database = await createScratchDatabase();
    const port = await freePort();
    const env = benchServiceEnv({ port, databaseUrl: database.url, redisUrl, queuePrefix });
    const api = new ServiceProcess('API', join(COMPILED_SOURCE, 'main.js'), env, profile ? 'writes-api.cpuprofile' : null);
    services.push(api);
    await api.waitFor('poa-match: console at');
    const worker = new ServiceProcess('worker', join(COMPILED_SOURCE, 'worker.js'), env, profile ? 'writes-worker.cpuprofile' : null);
    services.push(worker);
    await worker.waitFor('poa-match worker: consuming');

    const url = `http://127.0.0.1:${port}/graphql`;
    const admin = new GraphQLClient(url);
    await admin.login(BENCH_ADMIN);
    const { createDonor } = await admin.request<{ createDonor: { id: string } }>(
      'mutation CreateDonor($input: CreateDonorInput!) { createDonor(input: $input) { id } }',
      { input: { name: 'Benchmark donor', kind: 'STATE' } },
    );
    await admin.request('mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { ...SECRETARIAT, role: 'SECRETARIAT' },
    });
    const secretariat = new GraphQLClient(url);
    await secretariat.login(SECRETARIAT);

    const items = workload(new SyntheticMarket(seed), needCount, offerCount);
    const warmUp = items.splice(0, 24);
    await runClients(url, secretariat.token!, createDonor.id, warmUp, clients);
    console.log(
      `writes: ${clients} clients at once create and publish ${needCount.toLocaleString('en')} needs and ${offerCount.toLocaleString('en')} offers over GraphQL ` +
        `(${items.length * 2} mutations, after ${warmUp.length * 2} not counted); API and a separate worker process (compiled, NODE_ENV=production), ` +
        `${database.dialect}, Redis ${redisUrl}`,
    );
    const { seconds, latencies } = await runClients(url, secretariat.token!, createDonor.id, items, clients);
    const sorted = latencies.sort((a, b) => a - b);
    const rate = latencies.length / seconds;
    console.log(`  ${latencies.length} mutations in ${seconds.toFixed(1)} s: ${rate.toFixed(0)} mutations/s`);
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
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
