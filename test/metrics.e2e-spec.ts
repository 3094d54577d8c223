import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUE_NAME } from '../src/queue/bullmq-job-queue';
import {
  Account,
  contractOperation,
  dataOf,
  donorAccount,
  needInput,
  secretariatAccount,
  stateAccount,
  UNKNOWN_ID,
} from './support/fixtures';
import { eventually, pairMatch, publishedNeed, publishedOffer } from './support/matching-helpers';
import { freePort } from './support/free-port';
import { scrape, Scrape } from './support/prometheus';
import { startTestApp, TestApp } from './support/test-app';
import { usesPostgres } from './support/test-database';
import { deleteQueueKeys, startWorker, stopWorker, WorkerProcess } from './support/worker-process';
import { TEST_REDIS_URL } from './support/processes';

const METRICS_TOKEN = 'a-metrics-token-for-the-e2e-tests';

const GRAPHQL = 'poa_match_graphql_request_duration_seconds_count';
const HTTP = 'poa_match_http_request_duration_seconds_count';
const JOBS = 'poa_match_job_duration_seconds_count';
const JOB_FAILURES = 'poa_match_job_failures_total';

/** A need of `country` and an offer that match, through the API (their rescoring jobs), then a full run. */
async function matchAndRun(t: TestApp, secretariat: Account, country: string): Promise<void> {
  const state = await stateAccount(t, country);
  const donor = await donorAccount(t);
  const needId = await publishedNeed(t, state.token);
  const offerId = await publishedOffer(t, donor.token);
  await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED');
  await finishedRun(t, secretariat.token);
}

/** A run started through the API, once it has SUCCEEDED. */
async function finishedRun(t: TestApp, token: string): Promise<void> {
  const { startMatchingRun } = dataOf(await t.gql(contractOperation('StartMatchingRun'), {}, token));
  await eventually(
    async () => {
      const { matchingRun } = dataOf(await t.gql(contractOperation('MatchingRun'), { id: startMatchingRun.id }, token));
      if (matchingRun.status === 'FAILED') throw new Error('the run failed');
      return matchingRun.status === 'SUCCEEDED' ? true : undefined;
    },
    30_000,
    'the run to succeed',
  );
}

/** A full-run job for a run that does not exist, added to BullMQ by hand: each attempt fails. */
async function addFailingJob(prefix: string): Promise<void> {
  const connection = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAME, { connection, prefix });
  try {
    await queue.add(
      'full-run',
      { runId: UNKNOWN_ID },
      { jobId: `full-run-missing-${Date.now()}`, attempts: 2, backoff: { type: 'fixed', delay: 10 } },
    );
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

describe('metrics of the API running its own jobs (no Redis)', () => {
  let t: TestApp;
  let metricsUrl: string;
  let portUrl: string;
  let secretariat: Account;
  const scrapeApi = () => scrape(metricsUrl, METRICS_TOKEN);

  beforeAll(async () => {
    const port = await freePort();
    t = await startTestApp({ METRICS_TOKEN, METRICS_PORT: String(port), MATCH_MIN_SCORE: '0' });
    metricsUrl = t.url.replace('/graphql', '/metrics');
    portUrl = `http://127.0.0.1:${port}/metrics`;
    secretariat = await secretariatAccount(t);
  }, 60_000);
  afterAll(() => t?.close());

  it('refuses /metrics without the token or with another one, and serves Prometheus text with it', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-the-metrics-token' },
      { authorization: `Bearer ${t.adminToken}` },
    ];
    for (const headers of attempts) {
      const refused = await fetch(metricsUrl, { headers });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await refused.text()).toBe('');
    }
    const served = await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const page = new Scrape(await served.text());
    // Process metrics, from prom-client's standard set.
    expect(page.value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(page.value('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(page.value('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('serves the same metrics on METRICS_PORT, on the loopback address', async () => {
    // The token, once set, is asked for there too.
    expect((await fetch(portUrl)).status).toBe(401);
    const page = await scrape(portUrl, METRICS_TOKEN);
    expect(page.value('poa_match_outbox_pending')).toBe(0);
    expect((await fetch(portUrl.replace('/metrics', '/other'))).status).toBe(404);
  });

  it('times GraphQL operations by name and outcome, and HTTP requests by route', async () => {
    const before = await scrapeApi();
    dataOf(await t.gql(contractOperation('Themes'), {}));
    const refused = await t.gql(contractOperation('CreateNeed'), { input: needInput({ estimatedBudgetUsd: -1 }) }, secretariat.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await t.gql('{ themes { code } }');
    expect(anonymous.errors).toBeUndefined();
    await fetch(t.url.replace('/graphql', '/health'));
    const after = await scrapeApi();

    const moved = (name: string, labels: Record<string, string>) => after.count(name, labels) - before.count(name, labels);
    expect(moved(GRAPHQL, { operation_name: 'Themes', operation_type: 'query', outcome: 'success' })).toBe(1);
    expect(moved(GRAPHQL, { operation_name: 'CreateNeed', operation_type: 'mutation', outcome: 'BAD_USER_INPUT' })).toBe(1);
    expect(moved(GRAPHQL, { operation_name: '(anonymous)', operation_type: 'query', outcome: 'success' })).toBe(1);
    expect(moved(HTTP, { method: 'POST', route: '/graphql', status_code: '200' })).toBe(3);
    expect(moved(HTTP, { method: 'GET', route: '/health', status_code: '200' })).toBe(1);
    // The scrape before this one is counted too: Prometheus sees its own requests.
    expect(moved(HTTP, { method: 'GET', route: '/metrics', status_code: '200' })).toBe(1);
    expect(after.value('poa_match_graphql_request_duration_seconds_sum', { operation_name: 'Themes' })).toBeGreaterThan(0);
  });

  it('times the jobs it runs, full matching runs, allocation solves and database queries', async () => {
    const before = await scrapeApi();
    await matchAndRun(t, secretariat, 'NGA');
    const { proposeAllocation } = dataOf(await t.gql('mutation { proposeAllocation { id } }', {}, secretariat.token));
    await eventually(
      async () => {
        const { allocationPlan } = dataOf(
          await t.gql('query($id: ID!) { allocationPlan(id: $id) { status } }', { id: proposeAllocation.id }, secretariat.token),
        );
        return allocationPlan.status === 'READY' ? true : undefined;
      },
      30_000,
      'the plan to be solved',
    );
    const after = await scrapeApi();
    const moved = (name: string, labels: Record<string, string> = {}) => after.count(name, labels) - before.count(name, labels);

    expect(moved(JOBS, { job_name: 'rescore-need', outcome: 'succeeded' })).toBeGreaterThanOrEqual(1);
    expect(moved(JOBS, { job_name: 'rescore-offer', outcome: 'succeeded' })).toBeGreaterThanOrEqual(1);
    expect(moved(JOBS, { job_name: 'full-run', outcome: 'succeeded' })).toBe(1);
    expect(moved(JOBS, { job_name: 'propose-allocation', outcome: 'succeeded' })).toBe(1);
    expect(moved('poa_match_matching_run_duration_seconds_count', { outcome: 'succeeded' })).toBe(1);
    expect(moved('poa_match_matching_run_pairs_scored_total')).toBeGreaterThanOrEqual(1);
    expect(after.value('poa_match_matching_run_pairs_per_second')).toBeGreaterThan(0);
    expect(moved('poa_match_allocation_solve_duration_seconds_count', { solve_status: 'OPTIMAL' })).toBe(1);
    for (const statement of ['select', 'insert', 'update', 'transaction']) {
      expect(moved('poa_match_db_query_duration_seconds_count', { statement })).toBeGreaterThan(0);
    }
    // Without Redis the queue is the API's own; every job has run by now and none failed.
    for (const state of ['waiting', 'active', 'delayed', 'failed']) expect(after.value('poa_match_queue_jobs', { state })).toBe(0);
    expect(after.value('poa_match_outbox_pending')).toBe(0);
    if (usesPostgres()) expect(after.value('poa_match_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    else expect(after.value('poa_match_db_pool_connections', { state: 'total' })).toBeUndefined();
  });
});

describe('metrics of a worker, on a port of its own', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let env: Record<string, string>;
  let workerUrl: string;
  let secretariat: Account;

  beforeAll(async () => {
    env = { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: `poa-e2e-${randomBytes(4).toString('hex')}`, METRICS_TOKEN, METRICS_PORT: '' };
    t = await startTestApp(env);
    const port = await freePort();
    worker = await startWorker({ ...env, DATABASE_URL: process.env.DATABASE_URL!, METRICS_PORT: String(port) });
    workerUrl = `http://127.0.0.1:${port}/metrics`;
    secretariat = await secretariatAccount(t);
  }, 120_000);
  afterAll(async () => {
    if (worker) await stopWorker(worker);
    await t?.close();
    await deleteQueueKeys(TEST_REDIS_URL, env.QUEUE_PREFIX);
  });

  it("refuses the worker's metrics without the token", async () => {
    expect((await fetch(workerUrl)).status).toBe(401);
    expect((await fetch(workerUrl, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
  });

  it('counts the jobs where they run: in the worker, with their failures; the API sees the queue and its outbox', async () => {
    const before = await scrape(workerUrl, METRICS_TOKEN);
    await matchAndRun(t, secretariat, 'GHA');
    await addFailingJob(env.QUEUE_PREFIX);
    const after = await eventually(
      async () => {
        const page = await scrape(workerUrl, METRICS_TOKEN);
        return page.count(JOB_FAILURES, { job_name: 'full-run', final: 'true' }) >
          before.count(JOB_FAILURES, { job_name: 'full-run', final: 'true' })
          ? page
          : undefined;
      },
      20_000,
      'the failing job to fail for good',
    );
    const moved = (name: string, labels: Record<string, string> = {}) => after.count(name, labels) - before.count(name, labels);

    expect(moved(JOBS, { job_name: 'rescore-need', outcome: 'succeeded' })).toBeGreaterThanOrEqual(1);
    expect(moved(JOBS, { job_name: 'full-run', outcome: 'succeeded' })).toBe(1);
    expect(moved(JOBS, { job_name: 'full-run', outcome: 'failed' })).toBe(2);
    expect(moved(JOB_FAILURES, { job_name: 'full-run', final: 'false' })).toBe(1);
    expect(moved(JOB_FAILURES, { job_name: 'full-run', final: 'true' })).toBe(1);
    expect(moved('poa_match_matching_run_duration_seconds_count', { outcome: 'succeeded' })).toBe(1);
    expect(after.value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    // The outbox is the API's: the worker neither hands it over nor reports it.
    expect(after.value('poa_match_outbox_pending')).toBeUndefined();

    const api = await scrape(t.url.replace('/graphql', '/metrics'), METRICS_TOKEN);
    expect(api.value(JOBS)).toBeUndefined();
    expect(api.value('poa_match_queue_jobs', { state: 'failed' })).toBeGreaterThanOrEqual(1);
    expect(api.value('poa_match_queue_jobs', { state: 'waiting' })).toBeGreaterThanOrEqual(0);
    expect(api.value('poa_match_outbox_pending')).toBe(0);
    expect(api.count(GRAPHQL, { operation_name: 'StartMatchingRun', outcome: 'success' })).toBe(1);
  });
});
