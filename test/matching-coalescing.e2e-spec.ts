import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { QUEUE_NAME } from '../src/queue/bullmq-job-queue';
import { PERSON_LANE_BURST, PERSON_LANE_PER_SECOND } from '../src/queue/lanes/person-lane';
import { Account, donorAccount, secretariatAccount, stateAccount } from './support/fixtures';
import { eventually, publishedNeed, publishedOffer, queueIdle } from './support/matching-helpers';
import { TestApp } from './support/test-app';
import { startQueuedApp, startWorker, stopQueuedApp, WorkerProcess } from './support/worker-process';

/** Few matches per need, so that every change of rank among the offers shows in what is stored. */
const TOP_K = 3;

const THEMES = ['STOCKPILE_MANAGEMENT', 'MARKING', 'BORDER_CUSTOMS', 'RECORD_KEEPING', 'TRACING', 'DESTRUCTION'];
const ASSISTANCE = ['EQUIPMENT', 'TRAINING', 'FINANCIAL', 'TECHNICAL_EXPERTISE'];
/** Two or three themes and types picked by `index`, so needs and offers overlap in many different ways. */
const pick = (list: string[], index: number, count: number) =>
  Array.from({ length: count }, (_, step) => list[(index * 5 + step * 2) % list.length]);

const offerTerms = (index: number) => ({
  title: `Offer ${index}`,
  themeCodes: pick(THEMES, index, 2 + (index % 2)),
  assistanceTypes: pick(ASSISTANCE, index, 2),
  eligibleRegionCodes: index % 3 === 0 ? ['002'] : ['011'],
  capacityUsd: 400_000 + index * 50_000,
});
const needTerms = (index: number) => ({
  title: `Need ${index}`,
  themeCodes: pick(THEMES, index + 1, 2 + (index % 3 === 0 ? 1 : 0)),
  assistanceTypes: pick(ASSISTANCE, index + 2, 2),
  estimatedBudgetUsd: 100_000 + index * 20_000,
});

const UPDATE_NEED = 'mutation($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id } }';
const UPDATE_OFFER = 'mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }';
const WITHDRAW_NEED = 'mutation($id: ID!) { withdrawNeed(id: $id, reason: "No longer needed") { id } }';
const WITHDRAW_OFFER = 'mutation($id: ID!) { withdrawOffer(id: $id, reason: "Funds committed elsewhere") { id } }';
const START_RUN = 'mutation { startMatchingRun { id } }';
const RUN = 'query($id: ID!) { matchingRun(id: $id) { status } }';

interface StoredPair {
  need_id: string;
  offer_id: string;
  score: number;
  status: string;
}

/** What the tests check through the API and the database, once their app has started. */
function checks(app: () => { t: TestApp; database: DataSource; secretariat: Account }) {
  const gqlOk = async (query: string, variables: Record<string, unknown>, token: string) => {
    const result = await app().t.gql(query, variables, token);
    if (result.errors) throw new Error(`${query.slice(0, 40)} failed: ${JSON.stringify(result.errors)}`);
    return result.data!;
  };
  const storedPairs = async (): Promise<StoredPair[]> =>
    (await app().database.query<StoredPair[]>('SELECT need_id, offer_id, score, status FROM matches ORDER BY need_id, offer_id')).map(
      (row) => ({ ...row, score: Number(row.score) }),
    );
  const finishedRun = (id: string) =>
    eventually(
      async () => {
        const status = (await gqlOk(RUN, { id }, app().secretariat.token)).matchingRun.status as string;
        return status === 'SUCCEEDED' || status === 'FAILED' ? status : undefined;
      },
      120_000,
      `run ${id} to finish`,
    );

  /** The stored matches on an idle queue are what a full run started now finds and leaves as they are. */
  const expectWhatAFreshRunStores = async () => {
    const coalesced = await storedPairs();
    const freshRun = (await gqlOk(START_RUN, {}, app().secretariat.token)).startMatchingRun.id as string;
    expect(await finishedRun(freshRun)).toBe('SUCCEEDED');
    await queueIdle(app().t, app().secretariat.token);
    expect(await storedPairs()).toEqual(coalesced);
  };
  return { gqlOk, storedPairs, finishedRun, expectWhatAFreshRunStores };
}

/**
 * Rescoring coalesced in the worker (batches of changed needs and offers, full runs ahead of them and
 * absorbing what they cover) stores what scoring everything afresh stores. A burst of changes piles up
 * in the queue while no worker runs, more changes arrive while the worker drains it, and a full run is
 * started in the middle; once the queue is idle, a fresh full run must find nothing to change.
 */
describe('coalesced rescoring', () => {
  let t: TestApp;
  let env: Record<string, string>;
  let worker: WorkerProcess | undefined;
  let database: DataSource;
  let secretariat: Account;

  beforeAll(async () => {
    ({ t, env, database } = await startQueuedApp({ MATCH_TOP_K: String(TOP_K) }));
    secretariat = await secretariatAccount(t);
  }, 120_000);

  afterAll(() => stopQueuedApp({ t, env, database }, worker));

  const { gqlOk, storedPairs, expectWhatAFreshRunStores, finishedRun } = checks(() => ({ t, database, secretariat }));

  it('stores after a burst of changes exactly what a fresh full run stores', async () => {
    const states = [await stateAccount(t, 'NGA'), await stateAccount(t, 'GHA'), await stateAccount(t, 'KEN')];
    const donors = [await donorAccount(t), await donorAccount(t)];
    const ownerOf = new Map<string, Account>();
    const offerBy = async (donor: Account, index: number) => {
      const id = await publishedOffer(t, donor.token, offerTerms(index));
      ownerOf.set(id, donor);
      return id;
    };

    // No worker yet: every change waits in the queue, as behind a backlog.
    const offers = await Promise.all(Array.from({ length: 10 }, (_, index) => offerBy(donors[index % 2], index)));
    const needs = await Promise.all(Array.from({ length: 16 }, (_, index) => publishedNeed(t, states[index % 3].token, needTerms(index))));
    const firstRun = (await gqlOk(START_RUN, {}, secretariat.token)).startMatchingRun.id as string;
    await gqlOk(UPDATE_OFFER, { id: offers[1], input: { themeCodes: ['TRACING'], eligibleRegionCodes: ['002'] } }, donors[1].token);
    await gqlOk(UPDATE_NEED, { id: needs[2], input: { themeCodes: ['MARKING', 'TRACING'] } }, states[2].token);

    worker = await startWorker(env);
    // While the worker drains: more needs and offers, edits and withdrawals of both.
    await Promise.all([
      ...Array.from({ length: 4 }, (_, index) => offerBy(donors[index % 2], 10 + index)),
      ...Array.from({ length: 6 }, (_, index) => publishedNeed(t, states[index % 3].token, needTerms(16 + index))),
      gqlOk(WITHDRAW_OFFER, { id: offers[4] }, donors[0].token),
      gqlOk(WITHDRAW_OFFER, { id: offers[7] }, donors[1].token),
      gqlOk(WITHDRAW_NEED, { id: needs[5] }, states[2].token),
      gqlOk(UPDATE_OFFER, { id: offers[6], input: { themeCodes: THEMES.slice(0, 4), assistanceTypes: ASSISTANCE } }, donors[0].token),
      gqlOk(UPDATE_NEED, { id: needs[7], input: { themeCodes: ['DESTRUCTION'], estimatedBudgetUsd: 900_000 } }, states[1].token),
      gqlOk(UPDATE_NEED, { id: needs[9], input: { assistanceTypes: ['FINANCIAL'] } }, states[0].token),
    ]);
    expect(await finishedRun(firstRun)).toBe('SUCCEEDED');
    await queueIdle(t, secretariat.token);

    // After the run, on an idle queue: the offer in most top Ks goes, another changes its terms.
    const proposedPerOffer = new Map<string, number>();
    for (const pair of await storedPairs())
      if (pair.status === 'PROPOSED') proposedPerOffer.set(pair.offer_id, (proposedPerOffer.get(pair.offer_id) ?? 0) + 1);
    expect([...proposedPerOffer.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(needs.length);
    const [busiest, runnerUp] = [...proposedPerOffer].sort((a, b) => b[1] - a[1]).map(([offerId]) => offerId);
    // Checked on its own, so that no other change rescores the needs the withdrawal leaves short.
    await gqlOk(WITHDRAW_OFFER, { id: busiest }, ownerOf.get(busiest)!.token);
    await queueIdle(t, secretariat.token);
    await expectWhatAFreshRunStores();
    await Promise.all([
      gqlOk(UPDATE_OFFER, { id: runnerUp, input: { themeCodes: THEMES, assistanceTypes: ASSISTANCE } }, ownerOf.get(runnerUp)!.token),
      publishedNeed(t, states[0].token, needTerms(30)),
    ]);
    await queueIdle(t, secretariat.token);
    await expectWhatAFreshRunStores();
  }, 240_000);
});

/**
 * People go ahead of bulk work (PersonLane): an account's changes beyond its burst wait in the bulk
 * lane, behind what another person does meanwhile, and what is stored in the end is still what a
 * full run stores.
 */
describe('the person lane', () => {
  let t: TestApp;
  let env: Record<string, string>;
  let worker: WorkerProcess | undefined;
  let database: DataSource;
  let secretariat: Account;
  let redis: IORedis;
  let queue: Queue;

  beforeAll(async () => {
    ({ t, env, database } = await startQueuedApp({ MATCH_TOP_K: String(TOP_K) }));
    secretariat = await secretariatAccount(t);
    redis = new IORedis(env.REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue(QUEUE_NAME, { connection: redis, prefix: env.QUEUE_PREFIX });
  }, 120_000);

  afterAll(async () => {
    await queue?.close();
    redis?.disconnect();
    await stopQueuedApp({ t, env, database }, worker);
  });

  const { expectWhatAFreshRunStores } = checks(() => ({ t, database, secretariat }));

  it("queues an account's changes beyond its burst behind another person's need, and stores what a fresh full run stores", async () => {
    const [importing, person, donor] = [await stateAccount(t, 'NGA'), await stateAccount(t, 'GHA'), await donorAccount(t)];
    for (let index = 0; index < 4; index += 1) await publishedOffer(t, donor.token, offerTerms(index));
    // No worker yet: a state files 30 needs at once (60 changes), as an import would; then another publishes one.
    const filing = Date.now();
    const imported = await Promise.all(Array.from({ length: 30 }, (_, index) => publishedNeed(t, importing.token, needTerms(index))));
    const givenBack = Math.ceil((Date.now() - filing) / 1000) * PERSON_LANE_PER_SECOND;
    const persons = await publishedNeed(t, person.token, needTerms(40));
    const jobs = await eventually(async () => {
      const waiting = await queue.getPrioritized(0, -1);
      return waiting.length >= 4 * 2 + 31 * 2 ? waiting : undefined;
    });

    const laneOf = (needId: string) => jobs.filter((job) => (job.data as { needId?: string }).needId === needId).map((job) => job.name);
    expect(laneOf(persons)).toEqual(['rescore-need', 'rescore-need']);
    const bulk = jobs.filter((job) => job.name === 'rescore-need-bulk');
    // All but its burst and what came back of it while the 60 were made.
    expect(bulk.length).toBeGreaterThan(0);
    expect(bulk.length).toBeGreaterThanOrEqual(60 - PERSON_LANE_BURST - givenBack);
    expect(bulk.every((job) => imported.includes((job.data as { needId: string }).needId))).toBe(true);
    // In the order the worker takes them: the person's need ahead of every change of the bulk lane.
    const order = jobs.map((job) => job.name);
    expect(order.lastIndexOf('rescore-need')).toBeLessThan(order.indexOf('rescore-need-bulk'));
    expect(order.lastIndexOf('rescore-need-bulk')).toBeLessThan(order.indexOf('rescore-offer'));

    worker = await startWorker(env);
    // While the bulk lane drains, the person publishes another: run within a bulk batch or on its own.
    await publishedNeed(t, person.token, needTerms(41));
    await queueIdle(t, secretariat.token);
    await expectWhatAFreshRunStores();
  }, 240_000);
});
