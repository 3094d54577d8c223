/**
 * Latency of incremental matching as a client sees it: the API and a separate worker process, both
 * compiled, on one scratch database and a real Redis (BullMQ under a queue prefix of its own). With
 * 2,000 open offers loaded, each of 200 needs is created and published over GraphQL HTTP, then
 * `matches(filter: {needId})` is polled until the need's matches can be read. The latency is from
 * the createNeed call (the target's) and from the publishNeed call to the first response that lists a
 * match; it covers the requests, the outbox, the queue, the worker's rescoring and the write.
 *
 *   node bench/.build/bench/incremental-latency-bench.js [--needs 200] [--offers 2000] [--seed 11] [--profile]
 *
 * BENCH_REDIS_URL (default redis://127.0.0.1:6379) and BENCH_DATABASE_URL (PostgreSQL server; SQLite
 * file by default) choose the servers. Stops the worker and the API, drops the database and deletes
 * the queue's keys on the way out, also when interrupted. `--profile` writes V8 CPU profiles of the
 * API and the worker to bench/.profiles/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_WEIGHTS, OfferIndex, prepareNeed, prepareOffer, scoreNeedAgainstOffers } from '../src/matching/engine/scoring';
import { MATCHING_TAXONOMY } from '../src/matching/engine/matching-taxonomy';
import { argument, BENCH_SECRETARIAT, CREATE_NEED, PUBLISH_NEED, startServiceStack } from './api-load';
import { percentile, verdict } from './bench-report';
import { BENCH_ADMIN, GraphQLClient, millisecondsSince, PROFILE_DIR, sleep } from './service-process';
import { openDatabase } from './scratch-database';
import { insertOffers, needForScoring, offerForScoring, SyntheticMarket, SyntheticNeed, SyntheticOffer } from './synthetic-market';

const TARGET_P95_MS = 100;
/** Published before the measured needs and not counted: the first requests pay for connections and JIT warm-up. */
const WARM_UP_NEEDS = 5;
/** Pause between two polls of `matches`; it bounds how much the polling itself adds to a latency. */
const POLL_PAUSE_MS = 5;
const POLL_GIVE_UP_MS = 30_000;
/** Defaults of MATCH_TOP_K and MATCH_MIN_SCORE, which the processes below run with. */
const SCORE_OPTIONS = { topK: 20, minScore: 0.3 };

const MATCH_COUNT = 'query Matches($filter: MatchFilter, $first: Int) { matches(filter: $filter, first: $first) { totalCount } }';

/**
 * The first `count` synthetic needs that do pair with some offer (by the same pure scorer the worker
 * runs), so every measured need has matches to wait for; one without would never be "readable".
 */
function needsWithMatches(
  market: SyntheticMarket,
  offers: readonly SyntheticOffer[],
  offerIds: readonly string[],
  count: number,
): SyntheticNeed[] {
  const offerIndex = new OfferIndex(offers.map((offer, index) => prepareOffer(offerForScoring(offer, offerIds[index]), MATCHING_TAXONOMY)));
  const chosen: SyntheticNeed[] = [];
  while (chosen.length < count) {
    for (const need of market.needs(count)) {
      const scored = scoreNeedAgainstOffers(
        prepareNeed(needForScoring(need, 'candidate'), MATCHING_TAXONOMY),
        offerIndex,
        DEFAULT_WEIGHTS,
        SCORE_OPTIONS,
      );
      if (scored.matches.length > 0 && chosen.length < count) chosen.push(need);
    }
  }
  return chosen;
}

interface Timing {
  /** From the createNeed call, which files the need as a draft, to the first response listing a match. */
  fromCreateMs: number;
  publishMs: number;
  /** From the publishNeed call, which makes the need matchable, to the same response. */
  readableMs: number;
  polls: number;
}

async function publishAndWait(client: GraphQLClient, need: SyntheticNeed): Promise<Timing> {
  const created = process.hrtime.bigint();
  const { createNeed } = await client.request<{ createNeed: { id: string } }>(CREATE_NEED, { input: need });
  const start = process.hrtime.bigint();
  await client.request(PUBLISH_NEED, { id: createNeed.id });
  const publishMs = millisecondsSince(start);
  for (let polls = 1; ; polls++) {
    const { matches } = await client.request<{ matches: { totalCount: number } }>(MATCH_COUNT, {
      filter: { needId: createNeed.id },
      first: 1,
    });
    if (matches.totalCount > 0) return { fromCreateMs: millisecondsSince(created), publishMs, readableMs: millisecondsSince(start), polls };
    if (millisecondsSince(start) > POLL_GIVE_UP_MS)
      throw new Error(`need ${createNeed.id} had no readable match after ${POLL_GIVE_UP_MS} ms`);
    await sleep(POLL_PAUSE_MS);
  }
}

function describeLatencies(label: string, values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return `${label}: p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms, mean ${mean.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const needCount = Number(argument('needs', '200'));
  const offerCount = Number(argument('offers', '2000'));
  const seed = Number(argument('seed', '11'));
  const profile = process.argv.includes('--profile');
  if (profile) mkdirSync(PROFILE_DIR, { recursive: true });
  const compiledSource = join(__dirname, '..', 'src');
  if (!existsSync(join(compiledSource, 'worker.js'))) {
    throw new Error(
      `${compiledSource}/worker.js is missing: run the compiled benchmark (npm run bench, or npx tsc -p bench/tsconfig.json first)`,
    );
  }
  const stack = await startServiceStack({ profilePrefix: profile ? 'incremental' : null, logLevel: 'info' });
  try {
    const { url, database, redisUrl, queuePrefix } = stack;
    const client = new GraphQLClient(url);
    await client.login(BENCH_ADMIN);
    const { createDonor } = await client.request<{ createDonor: { id: string } }>(
      'mutation CreateDonor($input: CreateDonorInput!) { createDonor(input: $input) { id } }',
      { input: { name: 'Benchmark donor', kind: 'STATE' } },
    );
    const { createUser } = await client.request<{ createUser: { id: string } }>(
      'mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { ...BENCH_SECRETARIAT, role: 'SECRETARIAT' } },
    );
    await client.login(BENCH_SECRETARIAT);

    const market = new SyntheticMarket(seed);
    const offers = market.offers(offerCount);
    const dataSource = await openDatabase(database.url, { migrate: false });
    let offerIds: string[];
    try {
      offerIds = await dataSource.transaction((manager) => insertOffers(manager, offers, createDonor.id, createUser.id));
    } finally {
      await dataSource.destroy();
    }
    const needs = needsWithMatches(market, offers, offerIds, WARM_UP_NEEDS + needCount);
    console.log(
      `incremental matching: ${needCount} needs published one after another against ${offerCount.toLocaleString('en')} open offers; ` +
        `API and a separate worker process (compiled), ${database.dialect}, Redis ${redisUrl} (queue prefix ${queuePrefix}); polling every ${POLL_PAUSE_MS} ms after each response`,
    );

    for (const need of needs.slice(0, WARM_UP_NEEDS)) await publishAndWait(client, need);
    const timings: Timing[] = [];
    for (const need of needs.slice(WARM_UP_NEEDS)) timings.push(await publishAndWait(client, need));

    const fromCreate = timings.map((timing) => timing.fromCreateMs);
    const p95 = percentile(
      [...fromCreate].sort((a, b) => a - b),
      95,
    );
    console.log(`  ${describeLatencies('createNeed, publishNeed → matches readable', fromCreate)}`);
    console.log(
      `  ${describeLatencies(
        'publishNeed → matches readable',
        timings.map((timing) => timing.readableMs),
      )}`,
    );
    console.log(
      `  ${describeLatencies(
        'publishNeed round trip alone',
        timings.map((timing) => timing.publishMs),
      )}`,
    );
    console.log(`  polls per need: mean ${(timings.reduce((sum, timing) => sum + timing.polls, 0) / timings.length).toFixed(1)}`);
    console.log(`  target p95 ≤ ${TARGET_P95_MS} ms: ${p95.toFixed(0)} ms, ${verdict(p95 <= TARGET_P95_MS)}`);
    if (profile) console.log(`  CPU profiles of the API and the worker in ${PROFILE_DIR}`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
