import { randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { OutboxMessage } from '../src/queue/outbox/outbox-message.entity';
import { Account, donorAccount, secretariatAccount, stateAccount } from './support/fixtures';
import { openDatabase } from './support/bulk-market';
import { eventually, pairMatch, publishedNeed, publishedOffer } from './support/matching-helpers';
import { PrivateRedisServer } from './support/redis-server';
import { startTestApp, TestApp } from './support/test-app';
import { startWorker, stopWorker, WorkerProcess } from './support/worker-process';

/**
 * Redis goes away while states file and change needs: every mutation still succeeds (the outbox
 * keeps the jobs in the database) and, once Redis is back, every change is scored with no manual step.
 */
describe('matching through a Redis outage', () => {
  const redis = new PrivateRedisServer();
  let t: TestApp;
  let worker: WorkerProcess;
  let database: DataSource;
  let nigeria: Account;
  let secretariat: Account;
  let offerId: string;

  beforeAll(async () => {
    await redis.start();
    const env = { REDIS_URL: redis.url, QUEUE_PREFIX: `poa-e2e-${randomBytes(4).toString('hex')}` };
    t = await startTestApp(env);
    worker = await startWorker({ ...env, DATABASE_URL: process.env.DATABASE_URL! });
    database = await openDatabase(process.env.DATABASE_URL!);
    nigeria = await stateAccount(t, 'NGA');
    secretariat = await secretariatAccount(t);
    offerId = await publishedOffer(t, (await donorAccount(t)).token);
  }, 120_000);

  afterAll(async () => {
    await stopWorker(worker, 'SIGKILL');
    await database?.destroy();
    await t?.close();
    await redis.destroy();
  });

  it('accepts every change while Redis is down and scores all of them once it is back', async () => {
    const before = await publishedNeed(t, nigeria.token, { title: 'Filed before the outage' });
    await pairMatch(t, secretariat.token, before, offerId, 'PROPOSED');

    await redis.kill();
    const during: string[] = [];
    for (let index = 0; index < 4; index++)
      during.push(await publishedNeed(t, nigeria.token, { title: `Filed during the outage ${index}` }));
    const update = await t.gql(
      'mutation($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id } }',
      { id: before, input: { themeCodes: ['STOCKPILE_MANAGEMENT', 'MARKING', 'BORDER_CUSTOMS'] } },
      nigeria.token,
    );
    expect(update.errors).toBeUndefined();
    const health = await fetch(t.url.replace('/graphql', '/health'));
    expect(health.status).toBe(503);
    expect(await database.getRepository(OutboxMessage).countBy({ dispatchedAt: IsNull() })).toBeGreaterThanOrEqual(9);
    const queue = await t.gql('{ jobQueue { pendingHandOver counts { waiting } } }', {}, secretariat.token);
    expect(queue.data?.jobQueue).toEqual({ pendingHandOver: expect.any(Number), counts: null });
    expect(queue.data?.jobQueue.pendingHandOver).toBeGreaterThanOrEqual(9);
    expect(queue.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['jobQueue', 'counts'], 'SERVICE_UNAVAILABLE']]);

    await redis.start();
    for (const needId of during) await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED', undefined, 60_000);
    const rescored = await pairMatch(
      t,
      secretariat.token,
      before,
      offerId,
      'PROPOSED',
      (match) => /covers 2 of 3 themes/.test(match.explanation),
      60_000,
    );
    expect(rescored.explanation).toMatch(/covers 2 of 3 themes/);
    await eventually(async () =>
      (await database.getRepository(OutboxMessage).countBy({ dispatchedAt: IsNull() })) === 0 ? true : undefined,
    );
  }, 180_000);
});
