import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { Match } from '../src/matching/entities/match.entity';
import { MatchStatus } from '../src/domain/statuses';
import { Need } from '../src/needs/entities/need.entity';
import { NeedStatus } from '../src/domain/statuses';
import { QUEUE_NAME } from '../src/queue/bullmq-job-queue';
import { FULL_RUN_PART_JOB } from '../src/matching/engine/jobs/full-run.job';
import { Account, createDonor, donorAccount, secretariatAccount, stateAccount } from './support/fixtures';
import { seedMarket } from './support/bulk-market';
import { eventually, listMatches, pairMatch, publishedNeed, publishedOffer } from './support/matching-helpers';
import { errorCode, TestApp } from './support/test-app';
import { startQueuedApp, startWorker, stopQueuedApp, stopWorker, WorkerProcess } from './support/worker-process';
import { TEST_REDIS_URL } from './support/processes';

const TOP_K = 20;

const RUN = `query($id: ID!) { matchingRun(id: $id) { id status pairsScored matchesUpserted startedAt finishedAt error } }`;
const START_RUN = 'mutation($weights: MatchingWeightsInput) { startMatchingRun(weights: $weights) { id status } }';

/**
 * Matching through BullMQ on the real Redis, consumed by real worker processes (src/worker.ts) that
 * share the test's database; the API only produces jobs. The queue prefix is unique to this file.
 */
describe('matching through BullMQ and a separate worker', () => {
  let t: TestApp;
  let env: Record<string, string>;
  let worker: WorkerProcess;
  let database: DataSource;
  let secretariat: Account;

  beforeAll(async () => {
    ({ t, env, database } = await startQueuedApp({ MATCH_TOP_K: String(TOP_K) }));
    worker = await startWorker(env);
    secretariat = await secretariatAccount(t);
  }, 120_000);

  afterAll(() => stopQueuedApp({ t, env, database }, worker));

  const runOf = async (id: string) => (await t.gql(RUN, { id }, secretariat.token)).data?.matchingRun;
  const settledRun = (id: string, what: string) =>
    eventually(
      async () => {
        const run = await runOf(id);
        return run?.status === 'SUCCEEDED' || run?.status === 'FAILED' ? run : undefined;
      },
      90_000,
      what,
    );

  it('reports Redis in /health', async () => {
    const response = await fetch(t.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { info: unknown }).info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('shows the Secretariat the jobs that failed for good, kept in Redis, and nobody else', async () => {
    const JOB_QUEUE = '{ jobQueue { driver counts { failed } failedJobs { id name data reason attempts failedAt } } }';
    const connection = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE_NAME, { connection, prefix: env.QUEUE_PREFIX });
    try {
      // A job the running workers do not know, as during an upgrade; two quick attempts instead of the usual five.
      await queue.add('retired-job', { needId: 'need-1' }, { jobId: 'retired-job-1', attempts: 2, backoff: { type: 'fixed', delay: 10 } });
    } finally {
      await queue.close();
      connection.disconnect();
    }
    const status = await eventually(
      async () => {
        const { data } = await t.gql(JOB_QUEUE, {}, secretariat.token);
        // The counts and the list are two reads of Redis; the job may fail between them.
        if (!data) return undefined;
        const listed = data.jobQueue.failedJobs.some((job: { id: string }) => job.id === 'retired-job-1');
        return listed && data.jobQueue.counts.failed >= 1 ? data.jobQueue : undefined;
      },
      20_000,
      'the job to fail for good',
    );
    expect(status.driver).toBe('BULLMQ');
    expect(status.failedJobs.find((job: { id: string }) => job.id === 'retired-job-1')).toEqual({
      id: 'retired-job-1',
      name: 'retired-job',
      data: { needId: 'need-1' },
      reason: 'No handler for job retired-job',
      attempts: 2,
      failedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const donor = await donorAccount(t);
    expect(errorCode(await t.gql(JOB_QUEUE, {}, donor.token))).toBe('FORBIDDEN');
  });

  it('scores a published need and offer in the worker, not in the API', async () => {
    const nigeria = await stateAccount(t, 'NGA');
    const donor = await donorAccount(t);
    const needId = await publishedNeed(t, nigeria.token);
    const offerId = await publishedOffer(t, donor.token);
    const match = await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED');
    expect(match.explanation).toMatch(/covers 2 of 2 themes/);
    expect(worker.output()).toMatch(/rescore-(need|offer)|consuming/);
  });

  it('scores a need against offer terms another process changed after the worker prepared the offers', async () => {
    const nigeria = await stateAccount(t, 'NGA');
    const donor = await donorAccount(t);
    const offerId = await publishedOffer(t, donor.token, { eligibleRegionCodes: [], eligibleCountryIso3s: ['KEN'] });
    const firstNeedId = await publishedNeed(t, nigeria.token);
    // Any match of the first need shows its rescoring ran, so the worker has prepared the offers.
    await eventually(
      async () => ((await listMatches(t, secretariat.token, { needId: firstNeedId })).length ? true : undefined),
      20_000,
      'the first need to be scored',
    );
    expect(await listMatches(t, secretariat.token, { needId: firstNeedId, offerId })).toEqual([]);

    const updated = await t.gql(
      'mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }',
      { id: offerId, input: { eligibleCountryIso3s: ['NGA'] } },
      donor.token,
    );
    expect(updated.errors).toBeUndefined();
    // The offer's own rescoring pairs it with the needs live at the time; the need published after
    // it can only get the pair from its own rescoring, against the worker's prepared offers.
    await pairMatch(t, secretariat.token, firstNeedId, offerId, 'PROPOSED');
    const secondNeedId = await publishedNeed(t, nigeria.token);
    const match = await pairMatch(t, secretariat.token, secondNeedId, offerId, 'PROPOSED');
    expect(match.explanation).toMatch(/covers 2 of 2 themes/);
  });

  it('refuses invalid weights with BAD_USER_INPUT and queues nothing', async () => {
    const before = await database.query('SELECT COUNT(*) AS count FROM matching_runs');
    for (const weights of [
      { region: -0.5 },
      { theme: 0, region: 0, capacity: 0, ownership: 0, gender: 0, baseline: 0, multiYear: 0, conflict: 0 },
      { conflict: 'NaN' },
    ]) {
      expect(errorCode(await t.gql(START_RUN, { weights }, secretariat.token))).toBe('BAD_USER_INPUT');
    }
    expect(await database.query('SELECT COUNT(*) AS count FROM matching_runs')).toEqual(before);
  });

  it('finishes a full run after its worker is killed in the middle of it', async () => {
    const donor = await createDonor(t, 'Bulk Donor');
    await seedMarket(database, { needs: 6000, offers: 120 }, donor.id, secretariat.id);
    // Seeding kept the client idle past the server's keep-alive timeout; a reused socket may be
    // reset before the request is read, so a reset is retried once.
    const started = await t.gql(START_RUN, {}, secretariat.token).catch(() => t.gql(START_RUN, {}, secretariat.token));
    const runId: string = started.data?.startMatchingRun.id;
    expect(runId).toBeDefined();

    await eventually(
      async () => {
        const run = await runOf(runId);
        return run?.status === 'RUNNING' && run.matchesUpserted > 0 ? run : undefined;
      },
      60_000,
      'the run to be part way through',
    );
    await stopWorker(worker, 'SIGKILL');
    const interrupted = await runOf(runId);
    expect(interrupted.status).toBe('RUNNING');
    expect(interrupted.matchesUpserted).toBeLessThan(6000 * TOP_K);

    worker = await startWorker(env);
    const finished = await settledRun(runId, 'the run to finish after the restart');
    expect(finished).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(finished.matchesUpserted).toBeGreaterThanOrEqual(6000 * TOP_K);

    const [pairs] = await database.query(
      "SELECT COUNT(*) AS total, COUNT(DISTINCT need_id || '/' || offer_id) AS distinct_pairs FROM matches",
    );
    expect(Number(pairs.total)).toBe(Number(pairs.distinct_pairs));
    // Every open need (the bulk ones and the one filed above) has more than TOP_K eligible offers.
    const openNeeds = await database.getRepository(Need).countBy({ status: NeedStatus.OPEN });
    expect(await database.getRepository(Match).countBy({ status: MatchStatus.PROPOSED })).toBe(openNeeds * TOP_K);
    expect(await database.getRepository(Match).countBy({ runId })).toBeGreaterThanOrEqual(6000 * TOP_K);
    const [widest] = await database.query(
      "SELECT MAX(per_need) AS most FROM (SELECT COUNT(*) AS per_need FROM matches WHERE status = 'PROPOSED' GROUP BY need_id) counts",
    );
    expect(Number(widest.most)).toBe(TOP_K);
  }, 240_000);

  it('divides a full run among the workers running, each scoring a part, and stores what one worker stored', async () => {
    const proposals = () =>
      database.query("SELECT need_id, offer_id, score, explanation FROM matches WHERE status = 'PROPOSED' ORDER BY need_id, offer_id");
    const byOneWorker = await proposals();
    const second = await startWorker(env);
    try {
      const runId: string = (await t.gql(START_RUN, {}, secretariat.token)).data?.startMatchingRun.id;
      const finished = await settledRun(runId, 'the run to finish');
      expect(finished).toMatchObject({ status: 'SUCCEEDED', error: null, matchesUpserted: byOneWorker.length });
      expect(await proposals()).toEqual(byOneWorker);

      const connection = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
      const queue = new Queue(QUEUE_NAME, { connection, prefix: env.QUEUE_PREFIX });
      const parts = (await queue.getJobs(['completed'])).filter((job) => job.name === FULL_RUN_PART_JOB && job.data.runId === runId);
      await queue.close();
      connection.disconnect();
      expect(parts).toHaveLength(2);
      expect(new Set(parts.map((part) => part.processedBy)).size).toBe(2);
    } finally {
      await stopWorker(second, 'SIGTERM');
    }
  }, 180_000);

  it('stops gracefully on SIGTERM', async () => {
    const stopping = Date.now();
    expect(await stopWorker(worker, 'SIGTERM')).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5000);
    expect(worker.output()).toMatch(/worker: stopped/);
    worker = await startWorker(env);
  }, 90_000);
});
