import { realpathSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Donor } from '../src/accounts/entities/donor.entity';
import { seedMarketThroughApi } from './support/bulk-market';
import { eventually } from './support/matching-helpers';
import { adminToken, compiledApiSetup, ROOT, RunningProcess, startCompiledApi, startProcess, TEST_REDIS_URL } from './support/processes';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { deleteQueueKeys } from './support/worker-process';

const ADMIN_EMAIL = 'admin@build-once.test';
const ADMIN_PASSWORD = 'admin-password-for-the-build-test';

/**
 * The commands operators run beside a running service (`npm run start:worker`, `npm run cli`) run
 * the build that exists: they neither empty nor replace dist/ under an API and a worker started from
 * it, whose full run scores in a thread and whose allocation solver runs in a thread, both loaded
 * from files of the build while the commands start.
 */
describe('starting one process never disturbs another', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let env: NodeJS.ProcessEnv;
  const running: RunningProcess[] = [];
  let origin: string;
  let token: string;

  // A connection per request: seeding the market holds this process's event loop for seconds, long
  // enough for the API to close an idle kept-alive connection that fetch would then reuse.
  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> => {
    const text = await new Promise<string>((resolve, reject) => {
      const request = httpRequest(`${origin}/graphql`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(body));
      });
      request.on('error', reject);
      request.end(JSON.stringify({ query, variables }));
    });
    const body = JSON.parse(text) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ env, origin } = await compiledApiSetup(database.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }));
    // Every full run scores in a thread of its own, loaded from dist/ when it starts.
    env.MATCH_SCORING_THREAD_FROM_PAIRS = '0';
    running.push(await startCompiledApi(env));
    running.push(await startProcess(process.execPath, ['dist/worker.js'], env, 'consuming jobs'));
    token = await adminToken(origin, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    dataSource = await seedMarketThroughApi(gql, database.url, { needs: 4000, offers: 400 });
  }, 600_000);

  afterAll(async () => {
    for (const started of running.reverse()) await started.stop();
    await dataSource?.destroy();
    await database?.drop();
    await deleteQueueKeys(TEST_REDIS_URL, env.QUEUE_PREFIX!);
  });

  it('runs a second worker and the CLI while a large full run and an allocation solve are under way; all succeed', async () => {
    const build = realpathSync(join(ROOT, 'dist'));
    const { startMatchingRun } = await gql('mutation { startMatchingRun { id } }');
    await eventually(
      async () =>
        (await gql('query($id: ID!) { matchingRun(id: $id) { status } }', { id: startMatchingRun.id })).matchingRun.status === 'RUNNING'
          ? true
          : undefined,
      60_000,
      'the run to start',
    );
    const { proposeAllocation } = await gql('mutation { proposeAllocation { id } }');

    // While the first worker runs the full run: a second worker (which takes the allocation plan) and the CLI.
    const [secondWorker, cli] = await Promise.all([
      startProcess('npm', ['run', 'start:worker'], env, 'consuming jobs'),
      startProcess(
        'npm',
        ['run', 'cli', '--', 'create-donor', '--name', 'Government of Japan', '--kind', 'STATE', '--country', 'JPN'],
        env,
      ),
    ]);
    running.push(secondWorker);
    expect(await cli.exited).toBe(0);
    expect((await gql('query($id: ID!) { matchingRun(id: $id) { status } }', { id: startMatchingRun.id })).matchingRun.status).toMatch(
      /RUNNING|SUCCEEDED/,
    );

    const run = await eventually(
      async () => {
        const { matchingRun } = await gql('query($id: ID!) { matchingRun(id: $id) { status error matchesUpserted } }', {
          id: startMatchingRun.id,
        });
        return ['SUCCEEDED', 'FAILED'].includes(matchingRun.status) ? matchingRun : undefined;
      },
      300_000,
      'the run to end',
    );
    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(run.matchesUpserted).toBeGreaterThan(0);
    const plan = await eventually(
      async () => {
        const { allocationPlan } = await gql('query($id: ID!) { allocationPlan(id: $id) { status message } }', {
          id: proposeAllocation.id,
        });
        return ['QUEUED', 'RUNNING'].includes(allocationPlan.status) ? undefined : allocationPlan;
      },
      120_000,
      'the plan to be solved',
    );
    expect(plan).toMatchObject({ status: 'READY' });
    expect(await dataSource.getRepository(Donor).countBy({ name: 'Government of Japan' })).toBe(1);
    // Nothing was built again: dist/ is the build the first processes started from.
    expect(realpathSync(join(ROOT, 'dist'))).toBe(build);
    expect(secondWorker.output()).not.toMatch(/^build: /m);
  }, 600_000);
});
