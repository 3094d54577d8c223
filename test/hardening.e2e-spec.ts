import { createClient } from 'graphql-ws';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WebSocket } from 'ws';
import { ADMIN_EMAIL, ADMIN_PASSWORD, errorCode, GraphQLResponse, startTestApp, TestApp } from './support/test-app';
import {
  contractOperation,
  dataOf,
  donorAccount,
  needInput,
  offerInput,
  PASSWORD,
  secretariatAccount,
  stateAccount,
} from './support/fixtures';
import { PrivateRedisServer } from './support/redis-server';

/** A raw POST to /graphql, for what the `gql` helper hides: status, headers, odd bodies. */
const post = (t: TestApp, body: string, headers: Record<string, string> = {}) =>
  fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

const messagesOf = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.message).join('\n');

const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';
/** Apollo's refusal when introspection is off, word for word: clients that handled it before still do. */
const INTROSPECTION_REFUSED =
  'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production';

/** Runs one operation over graphql-ws (which carries queries as well as subscriptions): its result, or its errors. */
async function overSocket(t: TestApp, token: string, query: string): Promise<unknown> {
  const client = createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { Authorization: `Bearer ${token}` },
  });
  try {
    return await new Promise((resolve) => {
      let result: unknown;
      client.subscribe({ query }, { next: (value) => (result = value), error: resolve, complete: () => resolve(result) });
    });
  } finally {
    await client.dispose();
  }
}

/** A query nested `depth` levels deep. The schema has no cycles, so past its deepest path the field names repeat. */
function nestedQuery(depth: number): string {
  let selection = '__typename';
  for (let level = 1; level < depth; level++) selection = `themes { ${selection} }`;
  return `{ ${selection} }`;
}

describe('hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT: '64kb' });
  });
  afterAll(() => t.close());

  describe('query limits (GraphQL Armor)', () => {
    it('serves every client contract operation of the foundation within the limits', async () => {
      const run = async (name: string, variables: Record<string, unknown>, token?: string, omitFields: string[] = []) =>
        dataOf(await t.gql(contractOperation(name, omitFields), variables, token));
      const donor = (
        await run('CreateDonor', { input: { name: 'Government of Ireland', kind: 'STATE', countryIso3: 'IRL' } }, t.adminToken)
      ).createDonor;
      await run('CreateUser', { input: { email: 'ireland@e2e.test', password: PASSWORD, role: 'DONOR', donorId: donor.id } }, t.adminToken);
      await run('CreateUser', { input: { email: 'togo@e2e.test', password: PASSWORD, role: 'STATE', countryIso3: 'TGO' } }, t.adminToken);
      const donorToken = (await run('Login', { email: 'ireland@e2e.test', password: PASSWORD })).login.accessToken;
      const stateToken = (await run('Login', { email: 'togo@e2e.test', password: PASSWORD })).login.accessToken;
      await run('Me', {}, stateToken);
      await run('Countries', {});
      await run('Countries', { region: '011' });
      await run('Themes', {});
      const need = (await run('CreateNeed', { input: needInput() }, stateToken)).createNeed;
      await run('UpdateNeed', { id: need.id, input: { priority: 1 } }, stateToken);
      await run('PublishNeed', { id: need.id }, stateToken);
      await run('Needs', { filter: { region: '011', themeCodes: ['WEAPONS_AMMUNITION_MANAGEMENT'] }, first: 100 }, donorToken);
      await run('Need', { id: need.id }, donorToken, ['nationalReport', 'matches']);
      await run('WithdrawNeed', { id: need.id, reason: 'Covered by another programme' }, stateToken);
      const offer = (await run('CreateOffer', { input: offerInput() }, donorToken)).createOffer;
      await run('UpdateOffer', { id: offer.id, input: { capacityUsd: 900000 } }, donorToken);
      await run('PublishOffer', { id: offer.id }, donorToken);
      await run('Offers', { filter: { region: '002' }, first: 100 }, stateToken);
      await run('WithdrawOffer', { id: offer.id, reason: 'Fund closed' }, donorToken);
      expect((await run('AuditTrail', { entityId: offer.id }, t.adminToken)).auditEvents).toHaveLength(4);
    });

    it('refuses a query deeper than the limit, which is there against abuse only', async () => {
      const deepestPath = '{ offers { edges { node { donor { country { region { code } } } } } } }';
      expect((await t.gql(deepestPath, {}, t.adminToken)).errors).toBeUndefined();
      expect(messagesOf(await t.gql(nestedQuery(15)))).not.toMatch(/depth/i);
      const refused = await t.gql(nestedQuery(16));
      expect(refused.data).toBeUndefined();
      expect(messagesOf(refused)).toMatch(/depth limit of 15 exceeded/i);
    });

    it("answers the Secretariat's questions that go nine deep", async () => {
      const offersOfEachNeed = '{ needs { edges { node { matches { edges { node { offer { donor { name } } } } } } } } }';
      expect((await t.gql(offersOfEachNeed, {}, t.adminToken)).errors).toBeUndefined();
      const withDetail = `{ needs(first: 20) { totalCount edges { node { id title status estimatedBudgetUsd fundedUsd country { iso3 name } themes { code label }
        matches { totalCount edges { node { id score status explanation offer { id title capacityUsd donor { name kind } } } } } } } } }`;
      expect((await t.gql(withDetail, {}, t.adminToken)).errors).toBeUndefined();
    });

    it('refuses by cost a query that fans out, with the page sizes written, left out or in variables, each at its size', async () => {
      // Each need's matches, each match's need, its matches again: 20 × 20 × 20 pairs at the default page size.
      const pairsOfPairs = (page: string) =>
        `{ needs${page} { edges { node { matches${page} { edges { node { need { matches${page} { edges { node { id score } } } } } } } } } } }`;
      for (const query of [pairsOfPairs(''), pairsOfPairs('(first: 100)')]) {
        const refused = await t.gql(query, {}, t.adminToken);
        expect(refused.data).toBeUndefined();
        expect(messagesOf(refused)).toMatch(/cost limit of 20000 exceeded/i);
      }
      // A page sized by a variable counts at the size the request asks for, and at the default page when it is left out.
      const sizedByVariable = (n: number | null) =>
        t.gql(`query($n: Int) ${pairsOfPairs('(first: $n)')}`, n === null ? {} : { n }, t.adminToken);
      for (const n of [100, null]) expect(messagesOf(await sizedByVariable(n))).toMatch(/cost limit of 20000 exceeded/i);
      expect((await sizedByVariable(5)).errors).toBeUndefined();
      // A national report's needs are a list without pages: counted as one page each.
      const reportsOfReports = '{ needs { edges { node { nationalReport { needs { nationalReport { needs { id } } } } } } } }';
      expect(messagesOf(await t.gql(reportsOfReports, {}, t.adminToken))).toMatch(/cost limit of 20000 exceeded/i);
      expect((await t.gql(pairsOfPairs('(first: 5)'), {}, t.adminToken)).errors).toBeUndefined();
    });

    it('refuses a query with too many aliases', async () => {
      const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `t${index}: themes { code }`).join(' ')} }`;
      expect((await t.gql(aliases(15))).errors).toBeUndefined();
      const refused = await t.gql(aliases(16));
      expect(refused.data).toBeUndefined();
      expect(messagesOf(refused)).toMatch(/aliases limit of 15 exceeded/i);
    });

    it('refuses a query that would cost too much', async () => {
      const page = (alias: string, first: number) => `${alias}: needs(first: ${first}) { edges { node {
        id title description status visibility priority assistanceTypes estimatedBudgetUsd fundedUsd startDate endDate
        country { iso3 name nameZh region { code name nameZh } subRegion { code name nameZh } intermediateRegion { code name } }
        themes { code label labelZh parentCode }
      } } }`;
      const refused = await t.gql(`{ ${page('first', 100)} ${page('second', 100)} }`);
      expect(refused.data).toBeUndefined();
      expect(messagesOf(refused)).toMatch(/cost limit of 20000 exceeded/i);
      expect((await t.gql(`{ ${page('first', 10)} ${page('second', 10)} }`)).errors).toBeUndefined();
    });

    it('refuses batched requests', async () => {
      const response = await post(t, JSON.stringify([{ query: '{ themes { code } }' }, { query: '{ themes { code } }' }]));
      expect(response.status).toBe(400);
    });
  });

  describe('transport', () => {
    it('refuses a request body over the configured limit', async () => {
      const body = JSON.stringify({
        query: 'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
        variables: { input: needInput({ description: 'x'.repeat(70_000) }) },
      });
      const response = await post(t, body);
      expect(response.status).toBe(413);
      expect(await response.text()).not.toMatch(/at \w+ \(|node_modules/);
    });

    it('answers every request with an X-Request-Id, keeping a well-formed one the caller sent', async () => {
      const fresh = await post(t, JSON.stringify({ query: '{ themes { code } }' }));
      expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const kept = await post(t, JSON.stringify({ query: '{ themes { code } }' }), { 'x-request-id': 'support-ticket-42' });
      expect(kept.headers.get('x-request-id')).toBe('support-ticket-42');
      const replaced = await post(t, JSON.stringify({ query: '{ themes { code } }' }), { 'x-request-id': 'two words' });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const health = await fetch(t.url.replace(/\/graphql$/, '/health'));
      expect(health.headers.get('x-request-id')).toBeTruthy();
    });

    it('reports health with the database up', async () => {
      const response = await fetch(t.url.replace(/\/graphql$/, '/health'));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    });

    it('shows no SQL and no stack trace when something fails inside', async () => {
      const state = await stateAccount(t, 'KEN');
      dataOf(await t.gql(contractOperation('CreateNeed'), { input: needInput() }, state.token));
      const database = t.app.get(DataSource);
      await database.query('ALTER TABLE need_themes RENAME TO need_themes_hidden');
      try {
        const response = await post(
          t,
          JSON.stringify({ query: contractOperation('Needs'), variables: { filter: { themeCodes: ['MARKING'] } } }),
        );
        const body = await response.text();
        const parsed = JSON.parse(body) as GraphQLResponse;
        expect(parsed.errors).toEqual([
          expect.objectContaining({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
        ]);
        expect(body).not.toMatch(/need_themes|select|relation|sqlite|stack|at \w+ \(|\.ts:\d+/i);
      } finally {
        await database.query('ALTER TABLE need_themes_hidden RENAME TO need_themes');
      }
      expect((await t.gql(contractOperation('Needs'), {}, state.token)).errors).toBeUndefined();
    });
  });

  describe('introspection with GRAPHQL_PLAYGROUND=true in production', () => {
    let open: TestApp;
    beforeAll(async () => {
      open = await startTestApp({ NODE_ENV: 'production', GRAPHQL_PLAYGROUND: 'true' });
    });
    afterAll(async () => {
      await open.close();
      delete process.env.GRAPHQL_PLAYGROUND;
    });

    it('answers everyone', async () => {
      const state = await stateAccount(open, 'MLI');
      for (const token of [undefined, state.token]) {
        expect((await open.gql(INTROSPECTION, {}, token)).data?.__schema.queryType).toEqual({ name: 'Query' });
      }
    });
  });

  describe('login rate limit', () => {
    let limited: TestApp;
    beforeAll(async () => {
      // Starting the app signs the ADMIN in once: that is the first of the three attempts.
      limited = await startTestApp({ LOGIN_RATE_LIMIT: '3' });
    });
    afterAll(() => limited.close());

    it('refuses the fourth attempt within a minute, right or wrong password alike', async () => {
      const login = contractOperation('Login');
      expect(errorCode(await limited.gql(login, { email: ADMIN_EMAIL, password: 'wrong-password' }))).toBe('UNAUTHENTICATED');
      expect((await limited.gql(login, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).errors).toBeUndefined();
      const fourth = await limited.gql(login, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect(errorCode(fourth)).toBe('TOO_MANY_REQUESTS');
      expect(fourth.data).toBeNull();
      expect(dataOf(await limited.gql(contractOperation('Me'), {}, limited.adminToken)).me.role).toBe('ADMIN');
    });
  });

  describe('login rate limit across API replicas (Redis)', () => {
    const redis = new PrivateRedisServer();
    const QUEUE_PREFIX = `hardening-e2e-${randomBytes(4).toString('hex')}`;
    const replicas: TestApp[] = [];
    beforeAll(async () => {
      await redis.start();
      // Each replica signs the ADMIN in as it starts: two of the four attempts, counted together.
      for (let started = 0; started < 2; started++)
        replicas.push(await startTestApp({ LOGIN_RATE_LIMIT: '4', REDIS_URL: redis.url, QUEUE_PREFIX }));
    }, 60_000);
    afterAll(async () => {
      // The replicas' queues close cleanly only with Redis there.
      if (!redis.isRunning()) await redis.start();
      for (const replica of replicas) await replica.close();
      await redis.destroy();
    });

    it('counts the attempts made through every replica against one limit', async () => {
      const [first, second] = replicas;
      const wrong = { email: ADMIN_EMAIL, password: 'wrong-password' };
      const login = contractOperation('Login');
      expect(errorCode(await first.gql(login, wrong))).toBe('UNAUTHENTICATED');
      expect(errorCode(await second.gql(login, wrong))).toBe('UNAUTHENTICATED');
      // The fifth attempt in the minute; each replica alone has seen only two or three.
      expect(errorCode(await first.gql(login, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }))).toBe('TOO_MANY_REQUESTS');
    });

    it('still lets people log in while Redis is down, counting in each replica', async () => {
      await redis.kill();
      const [, second] = replicas;
      const login = contractOperation('Login');
      expect(errorCode(await second.gql(login, { email: ADMIN_EMAIL, password: 'wrong-password' }))).toBe('UNAUTHENTICATED');
      expect((await second.gql(login, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).errors).toBeUndefined();
    });
  });

  describe('production mode', () => {
    let production: TestApp;
    beforeAll(async () => {
      production = await startTestApp({ NODE_ENV: 'production' });
    });
    afterAll(() => production.close());

    it('gives no field, argument or enum suggestions', async () => {
      const typo = await production.gql('{ needz { totalCount } }');
      expect(errorCode(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
      const badArgument = await production.gql('{ countries(regoin: "011") { iso3 } }');
      const badEnum = await production.gql(
        contractOperation('CreateDonor'),
        { input: { name: 'Some Fund', kind: 'STAT' } },
        production.adminToken,
      );
      expect(errorCode(badEnum)).toBe('BAD_USER_INPUT');
      for (const response of [typo, badArgument, badEnum]) {
        expect(response.errors?.length).toBeGreaterThan(0);
        expect(JSON.stringify(response)).not.toMatch(/did you mean|"need"|"STATE"|"region"/i);
      }
      const development = await t.gql('{ needz { totalCount } }');
      expect(messagesOf(development)).toMatch(/did you mean/i);
    });

    it('refuses introspection to anonymous callers and to states and donors, as Apollo does when it is off', async () => {
      const state = await stateAccount(production, 'GHA');
      const donor = await donorAccount(production);
      for (const token of [undefined, state.token, donor.token, 'not-a-token']) {
        for (const query of [
          INTROSPECTION,
          '{ __type(name: "Need") { fields { name } } }',
          '{ themes { code } meta: __schema { queryType { name } } }',
        ]) {
          const response = await post(production, JSON.stringify({ query }), token ? { authorization: `Bearer ${token}` } : {});
          expect(response.status).toBe(400);
          const body = (await response.json()) as GraphQLResponse;
          expect(body.data).toBeUndefined();
          expect(body.errors).toEqual([
            expect.objectContaining({ message: INTROSPECTION_REFUSED, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
          ]);
          expect(JSON.stringify(body)).not.toMatch(/NeedConnection|CreateNeedInput/);
        }
      }
      expect((await t.gql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('answers introspection to the Secretariat and ADMIN', async () => {
      const secretariat = await secretariatAccount(production);
      for (const token of [secretariat.token, production.adminToken]) {
        const response = await production.gql(INTROSPECTION, {}, token);
        expect(response.errors).toBeUndefined();
        expect(response.data?.__schema.types.map((type: { name: string }) => type.name)).toEqual(
          expect.arrayContaining(['NeedConnection', 'CreateNeedInput']),
        );
      }
    });

    it('applies the same rule to operations sent over graphql-ws', async () => {
      const state = await stateAccount(production, 'SEN');
      const secretariat = await secretariatAccount(production);
      const refused = await overSocket(production, state.token, INTROSPECTION);
      expect(refused).toEqual([
        expect.objectContaining({ message: INTROSPECTION_REFUSED, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ]);
      const answered = (await overSocket(production, secretariat.token, INTROSPECTION)) as { data?: { __schema: { types: unknown[] } } };
      expect(answered.data?.__schema.types.length).toBeGreaterThan(50);
      expect(await overSocket(production, state.token, '{ themes { code } }')).toMatchObject({ data: { themes: expect.any(Array) } });
    });

    it('still serves the client contract', async () => {
      const donor = await donorAccount(production);
      expect(dataOf(await production.gql(contractOperation('Me'), {}, donor.token)).me.role).toBe('DONOR');
      expect(dataOf(await production.gql(contractOperation('Themes'))).themes.length).toBe(31);
    });
  });
});
