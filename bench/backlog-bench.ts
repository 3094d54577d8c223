/**
 * The rescoring backlog a bulk load leaves behind, as the service's users meet it: the compiled API
 * (NODE_ENV=production) and one separate worker process on a fresh database and a real Redis (BullMQ
 * under a queue prefix of its own).
 *
 * 1. Load: 12 clients at once create and publish 5,000 needs and 1,000 offers over GraphQL HTTP
 *    (two mutations each): mutations per second.
 * 2. Drain: from the last write, the Secretariat's `jobQueue` is read every 100 ms until nothing
 *    waits, runs, waits for a retry or waits to be handed over (twice in a row): the time the worker
 *    needs to catch up.
 * 3. A person's need meanwhile: from the start of the load until the queue is empty, needs are
 *    published one after another by another client with an account of its own, as a desk officer
 *    would (one person during the load, another during the drain), and each one's
 *    `matches` polled until it lists any. After the drain the matches of each need published during
 *    it are read once more; its time counts only if the first matches read were already those final
 *    ones (the same offers with the same scores), so it is the time to its complete matches: p95.
 *    For the needs published during the load, while offers still arrive, the time to any matches.
 * 4. A full run on the empty queue (`startMatchingRun`, then `matchingRun` polled until SUCCEEDED),
 *    then a further load (a quarter of the first by default) and a full run started right after its
 *    last write, while its backlog drains; after that drain, a full run on the empty queue again
 *    over the same market. The ratio of the run during the backlog to the last one.
 *
 *   node bench/.build/bench/backlog-bench.js [--needs 5000] [--offers 1000] [--clients 12] [--second-load 0.25]
 *     [--drain-timeout 600] [--seed 5] [--profile]
 *
 * `--needs 500 --offers 100` is a quick run. BENCH_DATABASE_URL (a PostgreSQL server) and
 * BENCH_REDIS_URL choose the servers. The API and worker are stopped, the database dropped and the
 * queue keys deleted on the way out, on failure and on SIGINT or SIGTERM as well. `--profile` writes
 * V8 CPU profiles of both processes (`backlog-api.cpuprofile`, `backlog-worker.cpuprofile`).
 */
import { mkdirSync } from 'node:fs';
import {
  argument,
  CREATE_NEED,
  Item,
  prepareAccounts,
  PUBLISH_NEED,
  runClients,
  secretariatMember,
  startServiceStack,
  workload,
} from './api-load';
import { loadAverage, percentile, verdict } from './bench-report';
import { Failure, fullRun, readQueue, untilQueueEmpty } from './job-queue-watch';
import { BENCH_ADMIN, GraphQLClient, millisecondsSince, PROFILE_DIR, sleep } from './service-process';
import { SyntheticMarket, SyntheticNeed } from './synthetic-market';

const TARGET_DRAIN_S = 20;
const TARGET_PERSON_P95_MS = 2000;
const TARGET_FULL_RUN_RATIO = 2;
/** A person's need is read this often until it lists matches. */
const MATCH_POLL_MS = 25;
const PERSON_GIVE_UP_MS = 120_000;

const NEED_MATCHES =
  'query NeedMatches($filter: MatchFilter, $first: Int) { matches(filter: $filter, first: $first) { totalCount edges { node { score offer { id } } } } }';

/** A need's matches as a comparable text: each offer with its score, best first. */
async function matchesOf(client: GraphQLClient, needId: string): Promise<string> {
  const { matches } = await client.request<{
    matches: { totalCount: number; edges: { node: { score: number; offer: { id: string } } }[] };
  }>(NEED_MATCHES, { filter: { needId }, first: 100 });
  return matches.edges.map(({ node }) => `${node.offer.id}:${node.score.toFixed(6)}`).join(',');
}

interface PersonNeed {
  id: string;
  publishedAt: bigint;
  firstMatchesMs: number | null;
  firstMatches: string;
}

/**
 * A desk officer: creates a draft (not timed), publishes it, and reads its matches until there are
 * any (a need with none, until `pollUntil()`, and once more after); then the next, while
 * `publishWhile()`.
 */
async function personPublishing(
  client: GraphQLClient,
  needs: SyntheticNeed[],
  publishWhile: () => boolean,
  pollUntil: () => boolean,
): Promise<PersonNeed[]> {
  const published: PersonNeed[] = [];
  for (const need of needs) {
    if (!publishWhile()) break;
    const { createNeed } = await client.request<{ createNeed: { id: string } }>(CREATE_NEED, { input: need });
    const record: PersonNeed = { id: createNeed.id, publishedAt: process.hrtime.bigint(), firstMatchesMs: null, firstMatches: '' };
    await client.request(PUBLISH_NEED, { id: createNeed.id });
    published.push(record);
    for (;;) {
      const finished = pollUntil();
      const matches = await matchesOf(client, createNeed.id);
      if (matches) {
        record.firstMatchesMs = millisecondsSince(record.publishedAt);
        record.firstMatches = matches;
        break;
      }
      if (finished || millisecondsSince(record.publishedAt) > PERSON_GIVE_UP_MS) break;
      await sleep(MATCH_POLL_MS);
    }
  }
  return published;
}

const describe = (sorted: readonly number[]): string =>
  sorted.length
    ? `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (${sorted.length} needs)`
    : 'none';

async function main(): Promise<void> {
  const needCount = Number(argument('needs', '5000'));
  const offerCount = Number(argument('offers', '1000'));
  const clients = Number(argument('clients', '12'));
  const secondLoad = Number(argument('second-load', '0.25'));
  const drainTimeoutMs = Number(argument('drain-timeout', '600')) * 1000;
  const seed = Number(argument('seed', '5'));
  const profile = process.argv.includes('--profile');
  if (profile) mkdirSync(PROFILE_DIR, { recursive: true });
  const stack = await startServiceStack({ profilePrefix: profile ? 'backlog' : null });
  try {
    const { url, database, redisUrl } = stack;
    const { secretariat, donorId } = await prepareAccounts(url, BENCH_ADMIN);
    // Each person signs in with an account of their own, not the one the load writes with: the
    // queue tells people from bulk work by account (PersonLane).
    const loadPersonAccount = await secretariatMember(url, BENCH_ADMIN, 'person-during-load@bench.local');
    const drainPersonAccount = await secretariatMember(url, BENCH_ADMIN, 'person-during-drain@bench.local');
    const market = new SyntheticMarket(seed);
    const items = workload(market, needCount, offerCount);
    const personNeeds = market.needs(2000);
    const warmUp = items.splice(0, 24);
    await runClients(url, secretariat.token!, donorId, warmUp, clients);
    await untilQueueEmpty(secretariat, process.hrtime.bigint(), drainTimeoutMs);

    console.log(
      `backlog: ${clients} clients create and publish ${needCount.toLocaleString('en')} needs and ${offerCount.toLocaleString('en')} offers over GraphQL ` +
        `(${items.length * 2} mutations, after ${warmUp.length * 2} not counted), a person publishing needs meanwhile; ` +
        `API and one worker process (compiled, NODE_ENV=production), ${database.dialect}, Redis ${redisUrl}; load ${loadAverage()}`,
    );
    // One person publishes during the load, another from its last write: a need of the load that
    // waits long does not keep the second from publishing during the drain.
    let loadEnd: bigint | null = null;
    let drained = false;
    let drainPerson: Promise<PersonNeed[]> = Promise.resolve([]);
    const loadPerson = personPublishing(
      loadPersonAccount.client,
      personNeeds.slice(0, 1000),
      () => loadEnd === null,
      () => drained,
    );
    // Awaited after the drain; until then a failure of the person's requests must not go unhandled.
    loadPerson.catch(() => undefined);
    let drainMs: number;
    try {
      const { seconds, latencies } = await runClients(url, secretariat.token!, donorId, items, clients);
      loadEnd = process.hrtime.bigint();
      drainPerson = personPublishing(
        drainPersonAccount.client,
        personNeeds.slice(1000),
        () => !drained,
        () => drained,
      );
      drainPerson.catch(() => undefined);
      const sorted = latencies.sort((a, b) => a - b);
      console.log(
        `  load: ${latencies.length} mutations in ${seconds.toFixed(1)} s, ${(latencies.length / seconds).toFixed(0)} mutations/s; ` +
          `one mutation p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms (load ${loadAverage()})`,
      );
      const jobQueue = await readQueue(secretariat);
      console.log(
        `  at the last write: ${JSON.stringify(jobQueue.counts)} in the queue, ${jobQueue.pendingHandOver} changes not yet handed to it`,
      );
      drainMs = await untilQueueEmpty(secretariat, loadEnd, drainTimeoutMs);
    } finally {
      drained = true;
    }
    console.log(
      `  drain: the queue was empty ${(drainMs / 1000).toFixed(1)} s after the last write (load ${loadAverage()}); ` +
        `target ≤ ${TARGET_DRAIN_S} s: ${verdict(drainMs <= TARGET_DRAIN_S * 1000)}`,
    );

    const publishedDuringLoad = await loadPerson;
    const publishedDuringDrain = (await drainPerson).filter(({ publishedAt }) => Number(publishedAt - loadEnd) / 1e6 <= drainMs);
    // During the load offers keep arriving, so a need's first matches are not yet its final ones: there
    // only the time to its first matches is taken. During the drain every offer is in.
    const firstDuringLoad = publishedDuringLoad.flatMap(({ firstMatchesMs }) => (firstMatchesMs === null ? [] : [firstMatchesMs]));
    const complete: number[] = [];
    let partial = 0;
    let without = 0;
    for (const need of publishedDuringDrain) {
      const final = await matchesOf(secretariat, need.id);
      if (!final) without++;
      else if (need.firstMatches !== final || need.firstMatchesMs === null) partial++;
      else complete.push(need.firstMatchesMs);
    }
    complete.sort((a, b) => a - b);
    firstDuringLoad.sort((a, b) => a - b);
    console.log(`  a person's need, publishNeed → matches readable:`);
    console.log(`    published during the drain, its complete matches: ${describe(complete)}`);
    console.log(`    published during the load, its first matches:    ${describe(firstDuringLoad)}`);
    console.log(
      `    ${publishedDuringDrain.length} published during the drain: ${without} with no match at all (left out), ` +
        `${partial} whose first matches read were not their final ones or came only after the drain` +
        (partial ? ' — INCOMPLETE MATCHES SEEN' : ''),
    );
    const personP95 = complete.length ? percentile(complete, 95) : NaN;
    console.log(
      `    target p95 ≤ ${TARGET_PERSON_P95_MS} ms during the drain: ${complete.length ? `${personP95.toFixed(0)} ms, ${verdict(personP95 <= TARGET_PERSON_P95_MS && partial === 0)}` : 'not measured (the drain ended before a need was published)'}`,
    );

    const emptyBefore = await fullRun(secretariat);
    console.log(
      `  full run on the empty queue: SUCCEEDED after ${emptyBefore.wallMs.toFixed(0)} ms (the run itself ${emptyBefore.durationMs} ms)`,
    );
    const more: Item[] = workload(new SyntheticMarket(seed + 1), Math.round(needCount * secondLoad), Math.round(offerCount * secondLoad));
    const again = await runClients(url, secretariat.token!, donorId, more, clients);
    const secondEnd = process.hrtime.bigint();
    const during = await fullRun(secretariat);
    const secondDrainMs = await untilQueueEmpty(secretariat, secondEnd, drainTimeoutMs);
    const emptyAfter = await fullRun(secretariat);
    const ratio = during.wallMs / emptyAfter.wallMs;
    console.log(
      `  a further load of ${more.length} needs and offers (${(again.latencies.length / again.seconds).toFixed(0)} mutations/s); a full run started at its last write: ` +
        `SUCCEEDED after ${during.wallMs.toFixed(0)} ms (the run itself ${during.durationMs} ms); that queue was empty after ${(secondDrainMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `  full run on the empty queue again, same market: ${emptyAfter.wallMs.toFixed(0)} ms (the run itself ${emptyAfter.durationMs} ms); ` +
        `during the backlog ÷ empty queue = ${ratio.toFixed(2)}; target ≤ ${TARGET_FULL_RUN_RATIO}: ${verdict(ratio <= TARGET_FULL_RUN_RATIO)} (load ${loadAverage()})`,
    );
    if (profile) console.log(`  CPU profiles of the API and the worker in ${PROFILE_DIR}`);
  } catch (error) {
    for (const service of stack.services) console.log(`--- the ${service.name}'s last output:\n${service.recentOutput()}`);
    throw error;
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof Failure) console.log(`  FAILED: ${error.message}`);
  else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
