import { readFileSync } from 'node:fs';
import { freePort } from './support/free-port';
import { eventually } from './support/matching-helpers';
import { adminToken, compiledApiSetup, RunningProcess, startProcess, TEST_REDIS_URL } from './support/processes';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { deleteQueueKeys } from './support/worker-process';

const ADMIN = { email: 'admin@processes.test', password: 'admin-password-for-several-processes' };
const METRICS_TOKEN = 'a-metrics-token-for-several-processes';
const USER_PASSWORD = 'a-state-officer-password-2026';

/** The API processes the primary (`node dist/main.js` with API_PROCESSES) started, from /proc. */
const servingProcesses = (primary: RunningProcess): number[] => {
  const pid = primary.child.pid!;
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
};

/** How many lines of the output say `text`. */
const linesSaying = (running: RunningProcess, text: string): number =>
  running
    .output()
    .split('\n')
    .filter((line) => line.includes(text)).length;

/**
 * API_PROCESSES=2: the compiled API as operators run it on a machine with more than one core. The
 * processes share the port; what one of them changes or counts, every one of them answers with.
 */
describe('several API processes on one port', () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let origin: string;
  let api: RunningProcess | undefined;
  let admin: string;
  let metricsPort: number;

  /** A new connection for every request, so that the primary hands each to the next process. */
  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string, operationName?: string) => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables, operationName }),
    });
    return (await response.json()) as { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] };
  };

  const startApi = async () => {
    api = await startProcess(process.execPath, ['dist/main.js'], env, 'poa-match: console at');
    expect(linesSaying(api, 'serves on port')).toBe(2);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ env, origin } = await compiledApiSetup(database.url, ADMIN));
    metricsPort = await freePort();
    Object.assign(env, { API_PROCESSES: '2', METRICS_TOKEN, METRICS_PORT: String(metricsPort) });
    await startApi();
    admin = await adminToken(origin, ADMIN);
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
    await deleteQueueKeys(TEST_REDIS_URL, env.QUEUE_PREFIX!);
  });

  it('answers from two processes, the requests spread over them', async () => {
    expect(servingProcesses(api!)).toHaveLength(2);
    for (let request = 0; request < 10; request++) expect((await gql('query Spread { __typename }')).data).toEqual({ __typename: 'Query' });
    const answeredBy = new Set(
      api!
        .output()
        .split('\n')
        // Whole lines only: the output arrives in chunks, and its last line may not have ended yet.
        .filter((line) => line.startsWith('{') && line.endsWith('}') && line.includes('"url":"/graphql"'))
        .map((line) => (JSON.parse(line) as { pid: number }).pid),
    );
    expect([...answeredBy].sort()).toEqual(servingProcesses(api!).sort());
  });

  it('refuses a deactivated account in every process within moments, though each had it in memory', async () => {
    const created = await gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email: 'focal.point@processes.test', password: USER_PASSWORD, role: 'STATE', countryIso3: 'KEN' } },
      admin,
    );
    const userId = created.data!.createUser.id as string;
    const login = await gql('mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }', {
      email: 'focal.point@processes.test',
      password: USER_PASSWORD,
    });
    const token = login.data!.login.accessToken as string;
    // Both processes read the account, and keep it in memory for the next 10 seconds.
    for (let request = 0; request < 6; request++) expect((await gql('{ me { id } }', {}, token)).data).toEqual({ me: { id: userId } });

    await gql(
      'mutation($id: ID!, $reason: String!) { deactivateUser(id: $id, reason: $reason) { id } }',
      { id: userId, reason: 'Left the ministry' },
      admin,
    );

    // Pub/sub takes a moment to reach the other process; without it, that process would answer for 10 s more.
    await eventually(
      async () => {
        const codes = [];
        for (let request = 0; request < 6; request++) codes.push((await gql('{ me { id } }', {}, token)).errors?.[0]?.extensions?.code);
        return codes.every((code) => code === 'UNAUTHENTICATED') ? true : undefined;
      },
      2000,
      'the account refused by both processes',
    );
  });

  it('serves the metrics of both processes added up, on the API port and on METRICS_PORT, whichever process answers', async () => {
    for (let request = 0; request < 8; request++) await gql('query Counted { __typename }', {}, undefined, 'Counted');
    const counted = async (url: string) => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}`, connection: 'close' } });
      expect(response.status).toBe(200);
      const line = (await response.text())
        .split('\n')
        .find((each) => each.startsWith('poa_match_graphql_request_duration_seconds_count{operation_name="Counted"'));
      return Number(line?.split(' ').at(-1));
    };
    // Each port asked twice, so that each process answers on it.
    const onApiPort = [await counted(`${origin}/metrics`), await counted(`${origin}/metrics`)];
    const onMetricsPort = [
      await counted(`http://127.0.0.1:${metricsPort}/metrics`),
      await counted(`http://127.0.0.1:${metricsPort}/metrics`),
    ];
    expect({ onApiPort, onMetricsPort }).toEqual({ onApiPort: [8, 8], onMetricsPort: [8, 8] });
  });

  it('starts another process in place of one that ends, and goes on answering', async () => {
    const [killed, other] = servingProcesses(api!);
    process.kill(killed, 'SIGKILL');
    await eventually(async () => (linesSaying(api!, 'starting another in its place') === 1 ? true : undefined), 20_000, 'the replacement');
    const replacement = await eventually(
      async () =>
        servingProcesses(api!).find(
          (pid) => pid !== other && pid !== killed && linesSaying(api!, `API process ${pid} serves on port`) === 1,
        ),
      60_000,
      'the replacement serving',
    );
    expect(servingProcesses(api!).sort()).toEqual([other, replacement].sort());
    for (let request = 0; request < 4; request++) expect((await gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('stops every process on Ctrl-C (SIGINT to the whole group) and exits 0', async () => {
    const serving = servingProcesses(api!);
    process.kill(-api!.child.pid!, 'SIGINT');
    expect(await api!.exited).toBe(0);
    expect(linesSaying(api!, '"msg":"Stopped"')).toBe(2);
    expect(api!.output()).not.toContain('received again');
    for (const pid of serving) expect(() => process.kill(pid, 0)).toThrow();
  });
});
