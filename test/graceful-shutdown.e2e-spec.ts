import { Queue } from 'bullmq';
import { createClient } from 'graphql-ws';
import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { IncomingMessage, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { DataSource } from 'typeorm';
import { WebSocket } from 'ws';
import { Need } from '../src/needs/entities/need.entity';
import { NEED_CHANGED_JOB } from '../src/needs/need-changes';
import { QUEUE_NAME } from '../src/queue/bullmq-job-queue';
import { OutboxMessage } from '../src/queue/outbox/outbox-message.entity';
import { jobIdOf } from '../src/queue/outbox/outbox-relay';
import { seedMarketThroughApi } from './support/bulk-market';
import { contractOperation, needInput } from './support/fixtures';
import { eventually } from './support/matching-helpers';
import { adminToken, compiledApiSetup, RunningProcess, startCompiledApi, TEST_REDIS_URL } from './support/processes';
import { PrivateRedisServer } from './support/redis-server';
import { startTestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { deleteQueueKeys } from './support/worker-process';

const ADMIN_EMAIL = 'admin@shutdown.test';
const ADMIN_PASSWORD = 'admin-password-for-the-shutdown-test';
/** Enough that the needs download outgrows what the sockets' buffers hold (a few MB), so it stays in flight while the test reads slowly. */
const NEEDS = 2000;
const DESCRIPTION = 'Stockpile security and marking. '.repeat(300);

/** A download whose body the test reads only when told, so the request stays in flight as long as the test wants. */
interface HeldDownload {
  status: number;
  /** Reads the rest of the body; resolves with the whole of it once the response has ended. */
  finish(): Promise<string>;
  abandon(): void;
}

/**
 * SIGTERM stops the API (the compiled `node dist/main.js`, as operators and the Dockerfile run it): it
 * refuses new connections at once, closes the subscription sockets with a reason, finishes the request
 * in flight, hands the pending outbox rows to Redis and exits 0.
 */
describe('stopping the API', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let env: NodeJS.ProcessEnv;
  let origin: string;
  let token: string;
  let api: RunningProcess | undefined;

  /** One connection per request, so no kept-alive connection outlives the request that opened it. */
  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  const startApi = async (extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningProcess> => {
    api = await startCompiledApi({ ...env, ...extraEnv });
    return api;
  };

  /** Starts the needs download and reads its first chunk only. */
  const holdDownload = (): Promise<HeldDownload> =>
    new Promise((resolve, reject) => {
      const download = httpRequest(`${origin}/exports/needs.csv`, { agent: false, headers: { authorization: `Bearer ${token}` } });
      download.on('error', reject);
      download.on('response', (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        const ended = new Promise<string>((resolveBody, rejectBody) => {
          response.on('end', () => resolveBody(Buffer.concat(chunks).toString()));
          response.on('error', rejectBody);
        });
        // A download abandoned, or cut by a process that exits, is not read to its end.
        ended.catch(() => undefined);
        response.once('data', (chunk: Buffer) => {
          chunks.push(chunk);
          response.pause();
          response.on('data', (more: Buffer) => chunks.push(more));
          resolve({
            status: response.statusCode!,
            finish: () => {
              response.resume();
              return ended;
            },
            abandon: () => download.destroy(),
          });
        });
      });
      download.end();
    });

  /** Waits until the API has logged that it received the signal (it stops listening in the same step). */
  const signalled = (running: RunningProcess, signal: string) =>
    eventually(async () => (running.output().includes(`${signal} received`) ? true : undefined), 20_000, `the ${signal} log line`);

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ env, origin } = await compiledApiSetup(database.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }));
    env.SHUTDOWN_GRACE_MS = '120000';
    await startApi();
    token = await adminToken(origin, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    dataSource = await seedMarketThroughApi(gql, database.url, { needs: NEEDS, offers: 0 });
    await dataSource.getRepository(Need).createQueryBuilder().update().set({ description: DESCRIPTION }).execute();
  }, 600_000);

  afterAll(async () => {
    await api?.stop();
    await dataSource?.destroy();
    await database?.drop();
    await deleteQueueKeys(TEST_REDIS_URL, env.QUEUE_PREFIX!);
  });

  it('logs one JSON line per request, naming the service and the request id and none of its headers', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        connection: 'close',
        authorization: `Bearer ${token}`,
        'x-request-id': 'log-line-check',
      },
      body: JSON.stringify({ query: '{ themes { code } }' }),
    });
    expect(response.status).toBe(200);
    // Whole lines only: the output arrives in chunks, and its last line may not have ended yet.
    const line = await eventually(
      async () =>
        api!
          .output()
          .split('\n')
          .slice(0, -1)
          .find((text) => text.includes('"log-line-check"')),
      10_000,
      'the request’s log line',
    );
    const logged = JSON.parse(line) as { service: string; req: Record<string, unknown>; res: { statusCode: number } };
    expect(logged.service).toBe('poa-match-api');
    expect(logged.req).toEqual({ id: 'log-line-check', method: 'POST', url: '/graphql', remoteAddress: expect.any(String) });
    expect(logged.res).toEqual({ statusCode: 200 });
    expect(line).not.toContain(token);
  });

  it('on SIGTERM refuses new connections, closes subscriptions with a reason, finishes the request in flight, hands the outbox over and exits 0', async () => {
    const running = api!;
    const download = await holdDownload();
    expect(download.status).toBe(200);

    const subscription = createClient({
      url: `${origin.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { Authorization: `Bearer ${token}` },
    });
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      subscription.on('closed', (event) => resolve(event as { code: number; reason: string })),
    );
    const connected = new Promise((resolve) => subscription.on('connected', resolve));
    subscription.subscribe(
      { query: 'subscription { matchEvents { kind matchId status } }' },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
    await connected;

    // A request whose headers are still arriving when the signal comes: its connection is not idle, so it stays open.
    const lateRequest = connect(Number(new URL(origin).port), '127.0.0.1');
    await new Promise((resolve) => lateRequest.once('connect', resolve));
    lateRequest.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const lateAnswer = new Promise<string>((resolve) => {
      let text = '';
      lateRequest.on('data', (chunk: Buffer) => (text += chunk.toString()));
      lateRequest.on('close', () => resolve(text));
    });

    // Outbox rows written just before the signal: one by a mutation of this API, one committed by
    // another process (a worker, the CLI), which this API learns of only from its poll.
    const { createNeed } = await gql(contractOperation('CreateNeed'), { input: needInput({ countryIso3: 'NGA' }) });
    await gql(contractOperation('PublishNeed'), { id: createNeed.id });
    const outbox = dataSource.getRepository(OutboxMessage);
    const fromElsewhere = await outbox.save(
      Object.assign(new OutboxMessage(), { jobName: NEED_CHANGED_JOB, payload: { needId: createNeed.id }, dispatchedAt: null }),
    );
    const written = await outbox.find();

    running.child.kill('SIGTERM');
    await signalled(running, 'SIGTERM');
    expect(running.output()).toContain('closing subscription sockets (1), finishing requests in flight (1)');

    // New connections are refused.
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(origin).port), '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(refused).toBe('ECONNREFUSED');

    // A request arriving on a connection opened before is answered 503, and its connection closed.
    lateRequest.write('\r\n');
    const late = await lateAnswer;
    expect(late).toMatch(/^HTTP\/1\.1 503 /);
    expect(late).toMatch(/\r\nconnection: close\r\n/i);
    expect(late).toContain('"code":"SERVICE_UNAVAILABLE"');

    // The subscription socket is closed with a code and reason the client can act on.
    expect(await closed).toMatchObject({ code: 1001, reason: 'Server shutting down' });
    await subscription.dispose();

    // The download in flight is finished whole: the header and every need.
    const csv = await download.finish();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^\uFEFF?id,title,/);
    expect(lines).toHaveLength(1 + NEEDS + 1);
    expect(lines.at(-1)!.length).toBeGreaterThan(DESCRIPTION.length);

    expect(await running.exited).toBe(0);
    expect(running.output()).toContain('Stopped');

    // Every outbox row written before the signal reached the queue in Redis, and is stamped so.
    expect(written.map((row) => row.id)).toContain(fromElsewhere.id);
    const redis = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: env.QUEUE_PREFIX });
    try {
      for (const row of written)
        expect({ row: row.id, queued: (await queue.getJob(jobIdOf(row)))?.name }).toEqual({ row: row.id, queued: row.jobName });
    } finally {
      await queue.close();
      redis.disconnect();
    }
    expect((await outbox.find()).filter((row) => row.dispatchedAt === null)).toEqual([]);
  });

  it('exits at once with code 1 on a second signal, saying so', async () => {
    const running = await startApi();
    const download = await holdDownload();
    running.child.kill('SIGTERM');
    await signalled(running, 'SIGTERM');
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain('SIGINT received again while stopping: exiting now, with 1 requests in flight');
    download.abandon();
  });

  it('exits with code 1, saying so, when the requests in flight outlast SHUTDOWN_GRACE_MS', async () => {
    const running = await startApi({ SHUTDOWN_GRACE_MS: '1000' });
    const download = await holdDownload();
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain('Not stopped within SHUTDOWN_GRACE_MS (1000 ms): exiting now, with 1 requests in flight');
    download.abandon();
  });
});

/**
 * The relay's last hand-over, on its own: rows another process committed (a worker's e-mail jobs, the
 * CLI) reach this API only through its one-second poll, so the rows of the last second before a stop
 * are handed over by the stop itself; with Redis away they stay pending and the next start hands them over.
 */
describe('the outbox as the API stops', () => {
  const redis = new PrivateRedisServer();
  const prefix = `poa-e2e-${randomBytes(4).toString('hex')}`;
  let database: TestDatabase;

  beforeAll(async () => {
    await redis.start();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await redis.destroy();
    await database?.drop();
  });

  const startApi = () => startTestApp({ DATABASE_URL: database.url, REDIS_URL: redis.url, QUEUE_PREFIX: prefix });
  /** A row committed by another process: this API hears of it from its poll only. */
  const writtenElsewhere = (dataSource: DataSource) =>
    dataSource.getRepository(OutboxMessage).save(
      Object.assign(new OutboxMessage(), {
        jobName: NEED_CHANGED_JOB,
        payload: { needId: randomBytes(4).toString('hex') },
        dispatchedAt: null,
      }),
    );
  const queuedName = async (row: OutboxMessage): Promise<string | undefined> => {
    const connection = new IORedis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE_NAME, { connection, prefix });
    try {
      return (await queue.getJob(jobIdOf(row)))?.name;
    } finally {
      await queue.close();
      connection.disconnect();
    }
  };

  it('hands the rows pending when it stops to Redis, and leaves them pending for the next start while Redis is away', async () => {
    const first = await startApi();
    const handedOver = await writtenElsewhere(first.app.get(DataSource));
    await first.close();
    expect(await queuedName(handedOver)).toBe(NEED_CHANGED_JOB);

    const second = await startApi();
    const stranded = await writtenElsewhere(second.app.get(DataSource));
    await redis.kill();
    await second.close();

    await redis.start();
    expect(await queuedName(stranded)).toBeUndefined();
    const third = await startApi();
    try {
      const messages = third.app.get(DataSource).getRepository(OutboxMessage);
      expect((await messages.findOneByOrFail({ id: handedOver.id })).dispatchedAt).not.toBeNull();
      await eventually(async () => ((await messages.findOneByOrFail({ id: stranded.id })).dispatchedAt ? true : undefined));
      expect(await queuedName(stranded)).toBe(NEED_CHANGED_JOB);
    } finally {
      await third.close();
    }
  });
});
