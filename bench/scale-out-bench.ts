/**
 * What a second worker process buys, as the service's users meet it: the compiled API
 * (NODE_ENV=production) and separate worker processes on PostgreSQL and Redis (BullMQ under a queue
 * prefix of its own), everything through the public GraphQL API. Nothing here depends on how the
 * workers share the work between them: only when the queue is empty and when a run has succeeded.
 *
 * 1. Backlog drain, 1 worker against 2: for each repetition, 1 worker then 2, each on a fresh scratch
 *    database and queue prefix. The API starts with no worker; 12 clients create and publish the
 *    needs and offers (two mutations each), so their rescoring jobs pile up in Redis; once the outbox
 *    has handed every change over (`jobQueue.pendingHandOver` 0), N workers start at once. From the
 *    moment every one says it consumes, the Secretariat's `jobQueue` is read every 100 ms until
 *    nothing waits, runs, waits for a retry or waits to be handed over, twice in a row: the drain.
 *    Target: the 1-worker median at least 1.6× the 2-worker median.
 * 2. Full run, 1 worker against 2: one database seeded directly with a larger market, the API with
 *    no worker. A warm-up run with 1 worker (not counted; every later run finds each pair stored),
 *    then for each repetition 1 worker then 2, started afresh for each run: on the empty queue,
 *    `startMatchingRun` as the Secretariat, `matchingRun` read every 100 ms until SUCCEEDED.
 *    Target: 2 workers faster than 1 (medians).
 *
 *   node bench/.build/bench/scale-out-bench.js [--needs 2000] [--offers 400] [--clients 12]
 *     [--full-needs 5000] [--full-offers 1000] [--repeat 2] [--drain-timeout 600] [--seed 5]
 *
 * BENCH_DATABASE_URL must name a PostgreSQL server (scratch databases are created on it);
 * BENCH_REDIS_URL chooses Redis. Every process is stopped, every database dropped and the queue keys
 * deleted on the way out, on failure and on SIGINT or SIGTERM as well.
 */
import { withinTime } from '../src/common/within-time';
import { argument, prepareAccounts, runClients, ServiceStack, startServiceStack, workload } from './api-load';
import { coresBusySince, cpuTimes, describeMachine, loadAverage, summarise, verdict } from './bench-report';
import { Failure, fullRun, QUEUE_POLL_MS, QueueState, readQueue, untilQueueEmpty } from './job-queue-watch';
import { benchDialect, openDatabase } from './scratch-database';
import { BENCH_ADMIN, GraphQLClient, millisecondsSince, ServiceProcess, sleep, WORKER_READY } from './service-process';
import { insertMarket, SyntheticMarket } from './synthetic-market';

const TARGET_DRAIN_RATIO = 1.6;
const WORKER_COUNTS = [1, 2] as const;
const LOAD_GIVE_UP_MS = 20 * 60_000;
const HAND_OVER_GIVE_UP_MS = 120_000;

interface Options {
  needs: number;
  offers: number;
  clients: number;
  fullNeeds: number;
  fullOffers: number;
  repeat: number;
  drainTimeoutMs: number;
  seed: number;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const workersLabel = (count: number): string => (count === 1 ? '1 worker ' : `${count} workers`);

/** Waits until the outbox has handed every change to Redis; the queue as it then is. */
async function untilHandedOver(stack: ServiceStack, client: GraphQLClient): Promise<QueueState> {
  const start = process.hrtime.bigint();
  for (;;) {
    const state = await readQueue(client);
    if (state.pendingHandOver === 0) return state;
    if (millisecondsSince(start) > HAND_OVER_GIVE_UP_MS)
      throw new Failure(`${state.pendingHandOver} changes were still not handed to the queue after ${HAND_OVER_GIVE_UP_MS / 1000} s`);
    // The stack starts its API first.
    if (!stack.services[0].running) throw new Failure('the API exited');
    await sleep(QUEUE_POLL_MS);
  }
}

/** A worker that has exited would leave the others to do its share unnoticed. */
function checkRunning(workers: readonly ServiceProcess[], during: string): void {
  const gone = workers.filter((worker) => !worker.running);
  if (gone.length) throw new Failure(`${gone.map((worker) => worker.name).join(', ')} exited during ${during}`);
}

/** The API's and the current workers' last output, to explain a failure. */
function printRecentOutput(stack: ServiceStack, workers: readonly ServiceProcess[]): void {
  for (const service of [stack.services[0], ...workers]) console.log(`--- the ${service.name}'s last output:\n${service.recentOutput()}`);
}

/** One drain: a fresh stack without workers, the load through the API, then `workerCount` workers until the queue is empty. */
async function drainOnce(workerCount: number, options: Options): Promise<number> {
  const stack = await startServiceStack({ profilePrefix: null, workers: 0 });
  let workers: ServiceProcess[] = [];
  try {
    const { secretariat, donorId } = await prepareAccounts(stack.url, BENCH_ADMIN);
    const items = workload(new SyntheticMarket(options.seed), options.needs, options.offers);
    const load = await withinTime(
      runClients(stack.url, secretariat.token!, donorId, items, options.clients),
      LOAD_GIVE_UP_MS,
      `the load through the API took over ${LOAD_GIVE_UP_MS / 1000} s`,
    );
    const queued = await untilHandedOver(stack, secretariat);
    const loadLine =
      `load ${load.latencies.length} mutations in ${seconds(load.seconds * 1000)} (${(load.latencies.length / load.seconds).toFixed(0)}/s); ` +
      `${JSON.stringify(queued.counts)} in the queue`;

    const spawned = process.hrtime.bigint();
    workers = stack.spawnWorkers(workerCount);
    let firstReadyMs = 0;
    // The clock starts once every worker takes jobs, so that the second one's start-up is not counted
    // against it; what the first did meanwhile shows in the jobs still waiting then.
    await Promise.all(workers.map((worker) => worker.waitFor(WORKER_READY).then(() => (firstReadyMs ||= millisecondsSince(spawned)))));
    const start = process.hrtime.bigint();
    const cpuAtStart = cpuTimes();
    const atStart = await readQueue(secretariat);
    const drainMs = await untilQueueEmpty(secretariat, start, options.drainTimeoutMs);
    const busy = coresBusySince(cpuAtStart);
    checkRunning(workers, 'the drain');
    const allReadyMs = Number(start - spawned) / 1e6;
    const startUp =
      workerCount > 1
        ? `the first worker took jobs ${firstReadyMs.toFixed(0)} ms after being started, the last ${allReadyMs.toFixed(0)} ms`
        : `the worker took jobs ${allReadyMs.toFixed(0)} ms after being started`;
    console.log(
      `  ${workersLabel(workerCount)}: drain ${seconds(drainMs)}, ${busy} — ${loadLine}; ` +
        `${startUp}, ${atStart.counts?.waiting ?? '?'} jobs still waiting then (load ${loadAverage()})`,
    );
    return drainMs;
  } catch (error) {
    printRecentOutput(stack, workers);
    throw error;
  } finally {
    await stack.stop();
  }
}

function printComparison(what: string, byCount: Map<number, number[]>, target: (ratio: number) => string): void {
  const [one, two] = WORKER_COUNTS.map((count) => summarise(byCount.get(count)!).median);
  const ratio = one / two;
  for (const count of WORKER_COUNTS)
    console.log(
      `  ${workersLabel(count)}: median ${seconds(summarise(byCount.get(count)!).median)} (${byCount.get(count)!.map(seconds).join(', ')})`,
    );
  console.log(`  ${what}: 1 worker ÷ 2 workers = ${ratio.toFixed(2)}×; ${target(ratio)} (load ${loadAverage()})`);
}

async function drainBenchmark(options: Options): Promise<void> {
  console.log(
    `\n1. backlog drain: ${options.clients} clients create and publish ${options.needs.toLocaleString('en')} needs and ` +
      `${options.offers.toLocaleString('en')} offers through the API with no worker running, then 1 or 2 workers start at once; ` +
      `${options.repeat} runs each, alternating, each on a fresh database and queue (load ${loadAverage()})`,
  );
  const drains = new Map<number, number[]>(WORKER_COUNTS.map((count) => [count, []]));
  for (let repetition = 1; repetition <= options.repeat; repetition++)
    for (const count of WORKER_COUNTS) drains.get(count)!.push(await drainOnce(count, options));
  printComparison('drain', drains, (ratio) => `target ≥ ${TARGET_DRAIN_RATIO}×: ${verdict(ratio >= TARGET_DRAIN_RATIO)}`);
}

async function fullRunBenchmark(options: Options): Promise<void> {
  const stack = await startServiceStack({ profilePrefix: null, workers: 0 });
  let workers: ServiceProcess[] = [];
  try {
    const { secretariat, secretariatId, donorId } = await prepareAccounts(stack.url, BENCH_ADMIN);
    const market = new SyntheticMarket(options.seed);
    const seedingStart = process.hrtime.bigint();
    const dataSource = await openDatabase(stack.database.url, { migrate: false });
    try {
      await insertMarket(
        dataSource,
        { needs: market.needs(options.fullNeeds), offers: market.offers(options.fullOffers) },
        { donorId, createdBy: secretariatId },
      );
    } finally {
      await dataSource.destroy();
    }
    console.log(
      `\n2. full run: ${options.fullNeeds.toLocaleString('en')} needs × ${options.fullOffers.toLocaleString('en')} offers written directly ` +
        `(${seconds(millisecondsSince(seedingStart))}, not measured); a warm-up run with 1 worker, then ${options.repeat} runs each with 1 and 2 ` +
        `workers, alternating, the workers started afresh for each run (load ${loadAverage()})`,
    );
    const timeRun = async (workerCount: number, label: string): Promise<number> => {
      workers = stack.spawnWorkers(workerCount);
      await Promise.all(workers.map((worker) => worker.waitFor(WORKER_READY)));
      await untilQueueEmpty(secretariat, process.hrtime.bigint(), options.drainTimeoutMs);
      const cpuAtStart = cpuTimes();
      const run = await fullRun(secretariat);
      const busy = coresBusySince(cpuAtStart);
      checkRunning(workers, 'the full run');
      console.log(
        `  ${label}: SUCCEEDED after ${seconds(run.wallMs)} (the run itself ${seconds(run.durationMs)}), ${busy} (load ${loadAverage()})`,
      );
      await Promise.all(workers.map((worker) => worker.stop()));
      workers = [];
      return run.wallMs;
    };
    await timeRun(1, 'warm-up, 1 worker ');
    const runs = new Map<number, number[]>(WORKER_COUNTS.map((count) => [count, []]));
    for (let repetition = 1; repetition <= options.repeat; repetition++)
      for (const count of WORKER_COUNTS) runs.get(count)!.push(await timeRun(count, workersLabel(count)));
    printComparison('full run', runs, (ratio) => `target: 2 workers faster than 1: ${verdict(ratio > 1)}`);
  } catch (error) {
    printRecentOutput(stack, workers);
    throw error;
  } finally {
    await stack.stop();
  }
}

async function main(): Promise<void> {
  if (benchDialect() !== 'postgres')
    throw new Failure('this benchmark runs on PostgreSQL: set BENCH_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  const options: Options = {
    needs: Number(argument('needs', '2000')),
    offers: Number(argument('offers', '400')),
    clients: Number(argument('clients', '12')),
    fullNeeds: Number(argument('full-needs', '5000')),
    fullOffers: Number(argument('full-offers', '1000')),
    repeat: Number(argument('repeat', '2')),
    drainTimeoutMs: Number(argument('drain-timeout', '600')) * 1000,
    seed: Number(argument('seed', '5')),
  };
  console.log(
    `scale-out: 1 worker process against 2, compiled API and workers (NODE_ENV=production), PostgreSQL, ` +
      `Redis ${process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'}\n${describeMachine()}`,
  );
  await drainBenchmark(options);
  await fullRunBenchmark(options);
}

main().catch((error: unknown) => {
  if (error instanceof Failure) console.log(`  FAILED: ${error.message}`);
  else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
