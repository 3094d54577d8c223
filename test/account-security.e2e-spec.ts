import { randomBytes } from 'node:crypto';
import { Client, createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { Account, createAccount, createDonor, dataOf, PASSWORD, stateAccount } from './support/fixtures';
import { GraphQLResponse, startTestApp, TestApp } from './support/test-app';

const ME = '{ me { id email active passwordChangeRequired } }';
const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken passwordChangeRequired user { id } }
}`;
const DEACTIVATE =
  'mutation($id: ID!, $reason: String!) { deactivateUser(id: $id, reason: $reason) { id active deactivatedAt deactivationReason } }';
const REACTIVATE = 'mutation($id: ID!) { reactivateUser(id: $id) { id active deactivatedAt deactivationReason } }';
const RESET = 'mutation($userId: ID!) { resetPassword(userId: $userId) { oneTimePassword user { id passwordChangeRequired } } }';
const CHANGE = `mutation($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { accessToken passwordChangeRequired user { id passwordStatus } }
}`;
const USERS = `query($filter: UserFilter, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { email active } } }
}`;
const AUDIT = 'query($entityId: ID!) { auditEvents(entityId: $entityId) { action actor { id } detail } }';
const THEMES = '{ themes { code } }';

/** Opens a graphql-ws socket with `token` and subscribes; `closed` resolves with the close event once the server closes it. */
async function openSubscription(
  t: TestApp,
  token: string,
  sockets: Client[],
): Promise<{ closed: Promise<{ code: number; reason: string }> }> {
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  let onConnected!: () => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client = createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    connectionParams: { Authorization: `Bearer ${token}` },
    on: { connected: () => onConnected(), closed: (event) => onClosed(event as { code: number; reason: string }) },
  });
  sockets.push(client);
  client.subscribe(
    { query: 'subscription { matchEvents { kind } }' },
    { next: () => undefined, error: () => undefined, complete: () => undefined },
  );
  await connected;
  return { closed };
}

const firstError = (response: GraphQLResponse) => response.errors?.[0] as { message: string; extensions: Record<string, any> } | undefined;

describe('account security: deactivation, passwords, revoked tokens', () => {
  let t: TestApp;
  const sockets: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await Promise.all(sockets.map(async (client) => client.dispose()));
    await t.close();
  });

  const login = (email: string, password: string) => t.gql(LOGIN, { email, password });

  it('deactivation refuses the account’s token on its next request and closes its open subscription; reactivation lets it sign in again', async () => {
    const state = await stateAccount(t, 'NGA');
    expect(dataOf(await t.gql(THEMES, {}, state.token)).themes.length).toBeGreaterThan(0);
    const socket = await openSubscription(t, state.token, sockets);

    const deactivated = dataOf(await t.gql(DEACTIVATE, { id: state.id, reason: 'Left the ministry' }, t.adminToken)).deactivateUser;
    expect(deactivated).toMatchObject({ active: false, deactivationReason: 'Left the ministry' });
    expect(deactivated.deactivatedAt).toEqual(expect.any(String));

    expect(firstError(await t.gql(ME, {}, state.token))?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'ACCOUNT_DEACTIVATED',
    });
    expect(await socket.closed).toEqual(expect.objectContaining({ code: 4403, reason: 'ACCOUNT_DEACTIVATED' }));
    expect(firstError(await login(state.email, PASSWORD))?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'ACCOUNT_DEACTIVATED',
    });
    // A wrong password says nothing of the account's state.
    expect(firstError(await login(state.email, 'not-the-password-at-all'))?.extensions).toEqual({ code: 'UNAUTHENTICATED' });

    const reactivated = dataOf(await t.gql(REACTIVATE, { id: state.id }, t.adminToken)).reactivateUser;
    expect(reactivated).toEqual({ id: state.id, active: true, deactivatedAt: null, deactivationReason: null });
    // The token from before the deactivation stays revoked; a new sign-in works.
    expect(firstError(await t.gql(ME, {}, state.token))?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_REVOKED' });
    const again = dataOf(await login(state.email, PASSWORD)).login;
    expect(dataOf(await t.gql(ME, {}, again.accessToken)).me).toMatchObject({ id: state.id, active: true });

    expect(firstError(await t.gql(REACTIVATE, { id: state.id }, t.adminToken))?.extensions.code).toBe('CONFLICT');
    const events = dataOf(await t.gql(AUDIT, { entityId: state.id }, t.adminToken)).auditEvents;
    expect(events.map((event: { action: string }) => event.action)).toEqual(['user.create', 'user.deactivate', 'user.reactivate']);
    expect(events[1].detail).toEqual({ reason: 'Left the ministry' });
  });

  it('a password change revokes every earlier token, signs in with the new password only, and refuses a wrong current password', async () => {
    const state = await stateAccount(t, 'GHA');
    const otherDevice = await t.login(state.email, PASSWORD);
    const socket = await openSubscription(t, otherDevice, sockets);

    const wrong = firstError(
      await t.gql(CHANGE, { currentPassword: 'not-my-password-at-all', newPassword: 'a-brand-new-passphrase' }, state.token),
    );
    expect(wrong?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'currentPassword', rule: 'currentPassword' }] });
    // Nothing changed: the token still works.
    expect(dataOf(await t.gql(ME, {}, state.token)).me.id).toBe(state.id);

    const changed = dataOf(
      await t.gql(CHANGE, { currentPassword: PASSWORD, newPassword: 'a-brand-new-passphrase' }, state.token),
    ).changePassword;
    expect(changed).toMatchObject({ passwordChangeRequired: false, user: { id: state.id, passwordStatus: 'CHOSEN' } });
    for (const old of [state.token, otherDevice]) {
      expect(firstError(await t.gql(ME, {}, old))?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_REVOKED' });
    }
    expect(await socket.closed).toEqual(expect.objectContaining({ code: 4403, reason: 'TOKEN_REVOKED' }));
    expect(dataOf(await t.gql(ME, {}, changed.accessToken)).me.id).toBe(state.id);
    expect(firstError(await login(state.email, PASSWORD))?.extensions.code).toBe('UNAUTHENTICATED');
    expect(dataOf(await login(state.email, 'a-brand-new-passphrase')).login.user.id).toBe(state.id);

    const events = dataOf(await t.gql(AUDIT, { entityId: state.id }, t.adminToken)).auditEvents;
    expect(events.map((event: { action: string }) => event.action)).toEqual(['user.create', 'user.change_password']);
    expect(events[1]).toMatchObject({ actor: { id: state.id }, detail: { afterReset: false } });
  });

  it('a reset gives a one-time password that signs in once and answers only changePassword and me until it is changed', async () => {
    const state = await stateAccount(t, 'KEN');
    const reset = dataOf(await t.gql(RESET, { userId: state.id }, t.adminToken)).resetPassword;
    expect(reset.oneTimePassword).toMatch(/^[\w-]{16}$/);
    expect(reset.user).toEqual({ id: state.id, passwordChangeRequired: true });
    expect(firstError(await t.gql(ME, {}, state.token))?.extensions).toMatchObject({ reason: 'TOKEN_REVOKED' });
    expect(firstError(await login(state.email, PASSWORD))?.extensions.code).toBe('UNAUTHENTICATED');

    const signedIn = dataOf(await login(state.email, reset.oneTimePassword)).login;
    expect(signedIn.passwordChangeRequired).toBe(true);
    expect(firstError(await login(state.email, reset.oneTimePassword))?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'ONE_TIME_PASSWORD_USED',
    });
    expect(dataOf(await t.gql(ME, {}, signedIn.accessToken)).me).toMatchObject({ id: state.id, passwordChangeRequired: true });
    expect(firstError(await t.gql(THEMES, {}, signedIn.accessToken))?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PASSWORD_CHANGE_REQUIRED',
    });

    const changed = dataOf(
      await t.gql(CHANGE, { currentPassword: reset.oneTimePassword, newPassword: 'my-own-passphrase-now' }, signedIn.accessToken),
    ).changePassword;
    expect(changed.passwordChangeRequired).toBe(false);
    expect(dataOf(await t.gql(THEMES, {}, changed.accessToken)).themes.length).toBeGreaterThan(0);
    expect(dataOf(await login(state.email, 'my-own-passphrase-now')).login.passwordChangeRequired).toBe(false);

    const events = dataOf(await t.gql(AUDIT, { entityId: state.id }, t.adminToken)).auditEvents;
    expect(events.map((event: { action: string }) => event.action)).toEqual(['user.create', 'user.reset_password', 'user.change_password']);
    expect(events[2].detail).toEqual({ afterReset: true });
  });

  it('refuses weak and common passwords, naming the field and the rule, and changes nothing', async () => {
    const state = await stateAccount(t, 'SEN');
    const cases: [string, string][] = [
      ['short-one', 'minLength'],
      ['qwerty123456', 'notCommonPassword'],
      ['1Q2W3E4R5T6Y', 'notCommonPassword'],
    ];
    for (const [newPassword, rule] of cases) {
      const refused = firstError(await t.gql(CHANGE, { currentPassword: PASSWORD, newPassword }, state.token));
      expect(refused?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'newPassword', rule })],
      });
      const created = firstError(
        await t.gql(
          'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
          { input: { email: `weak-${rule}-${newPassword.length}@e2e.test`, password: newPassword, role: 'SECRETARIAT' } },
          t.adminToken,
        ),
      );
      expect(created?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'input.password', rule })],
      });
    }
    expect(dataOf(await t.gql(ME, {}, state.token)).me.id).toBe(state.id);
    expect(dataOf(await t.gql(AUDIT, { entityId: state.id }, t.adminToken)).auditEvents).toHaveLength(1);
  });

  it('keeps the account mutations for the ADMIN, never on the ADMIN’s own account, and refuses bad ids with the field', async () => {
    const secretariat = await createAccount(t, 'SECRETARIAT');
    const state = await stateAccount(t, 'MLI');
    for (const [query, variables] of [
      [DEACTIVATE, { id: state.id, reason: 'No reason' }],
      [REACTIVATE, { id: state.id }],
      [RESET, { userId: state.id }],
      [USERS, {}],
    ] as const) {
      expect(firstError(await t.gql(query, variables, secretariat.token))?.extensions.code).toBe('FORBIDDEN');
      expect(firstError(await t.gql(query, variables, state.token))?.extensions.code).toBe('FORBIDDEN');
    }
    const admin = dataOf(await t.gql(ME, {}, t.adminToken)).me;
    expect(firstError(await t.gql(DEACTIVATE, { id: admin.id, reason: 'Leaving' }, t.adminToken))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'id' }],
    });
    expect(firstError(await t.gql(RESET, { userId: admin.id }, t.adminToken))?.extensions).toMatchObject({ fields: [{ field: 'userId' }] });
    expect(firstError(await t.gql(DEACTIVATE, { id: 'not-an-id', reason: 'x' }, t.adminToken))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([expect.objectContaining({ field: 'id' }), expect.objectContaining({ field: 'reason' })]),
    });
    expect(firstError(await t.gql(RESET, { userId: '00000000-0000-4000-8000-000000000000' }, t.adminToken))?.extensions.code).toBe(
      'NOT_FOUND',
    );
    expect(dataOf(await t.gql(ME, {}, state.token)).me).toMatchObject({ active: true, passwordChangeRequired: false });
  });

  it('lists accounts for the ADMIN by role, state, text in the e-mail or donor name, country and donor, a page at a time', async () => {
    const unodc = await createDonor(t, 'UNODC Vienna', 'UN_ENTITY');
    const donorUser = await createAccount(t, 'DONOR', { donorId: unodc.id });
    const gone: Account = await stateAccount(t, 'TCD');
    await t.gql(DEACTIVATE, { id: gone.id, reason: 'Post closed' }, t.adminToken);
    const emails = async (filter: Record<string, unknown>) =>
      dataOf(await t.gql(USERS, { filter, first: 100 }, t.adminToken)).users.edges.map(
        (edge: { node: { email: string } }) => edge.node.email,
      );

    expect(await emails({ active: false })).toContain(gone.email);
    expect(await emails({ active: true })).not.toContain(gone.email);
    expect(await emails({ countryIso3: 'tcd' })).toEqual([gone.email]);
    expect(await emails({ donorId: unodc.id })).toEqual([donorUser.email]);
    expect(await emails({ search: 'vienna' })).toEqual([donorUser.email]);
    expect(await emails({ search: gone.email.slice(0, 12).toUpperCase() })).toEqual([gone.email]);
    expect(await emails({ search: '%' })).toEqual([]);
    expect(await emails({ role: 'DONOR', active: true, search: 'unodc' })).toEqual([donorUser.email]);

    const firstPage = dataOf(await t.gql(USERS, { filter: { role: 'STATE' }, first: 2 }, t.adminToken)).users;
    const secondPage = dataOf(
      await t.gql(USERS, { filter: { role: 'STATE' }, first: 2, after: firstPage.pageInfo.endCursor }, t.adminToken),
    ).users;
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    expect(secondPage.edges[0].node.email > firstPage.edges[1].node.email).toBe(true);

    expect(firstError(await t.gql(USERS, { filter: { countryIso3: 'NIGERIA', donorId: 'x' } }, t.adminToken))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([
        expect.objectContaining({ field: 'filter.countryIso3' }),
        expect.objectContaining({ field: 'filter.donorId' }),
      ]),
    });
  });
});

describe('account security across API processes (Redis)', () => {
  const QUEUE_PREFIX = `account-security-e2e-${randomBytes(4).toString('hex')}`;
  let first: TestApp;
  let second: TestApp;
  const sockets: Client[] = [];

  beforeAll(async () => {
    first = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX });
    // A second API process on the same database and Redis.
    second = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX, DATABASE_URL: process.env.DATABASE_URL! });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(sockets.map(async (client) => client.dispose()));
    await second.close();
    await first.close();
  });

  it('a deactivation made through one process closes the account’s socket on another and refuses its token there', async () => {
    const state = await stateAccount(first, 'NER');
    // The second process has read the account's state, and holds it for its next requests.
    expect(dataOf(await second.gql(ME, {}, state.token)).me.id).toBe(state.id);
    const socket = await openSubscription(second, state.token, sockets);

    dataOf(await first.gql(DEACTIVATE, { id: state.id, reason: 'Post closed' }, first.adminToken));
    // Only the change's message closes a socket: the second process heard of it.
    expect(await socket.closed).toEqual(expect.objectContaining({ code: 4403, reason: 'ACCOUNT_DEACTIVATED' }));
    expect(firstError(await second.gql(ME, {}, state.token))?.extensions).toMatchObject({ reason: 'ACCOUNT_DEACTIVATED' });
  });
});
