import {
  Account,
  badInputFields,
  createDonor,
  createAccount,
  dataOf,
  donorAccount,
  secretariatAccount,
  stateAccount,
  UNKNOWN_ID,
} from './support/fixtures';
import { ADMIN_EMAIL, errorCode, startTestApp, TestApp } from './support/test-app';

const USERS = `query($first: Int, $after: String, $filter: UserFilter) {
  users(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id email role createdAt country { iso3 } donor { id name } } }
  }
}`;

interface UserView {
  id: string;
  email: string;
  role: string;
  country: { iso3: string } | null;
  donor: { id: string; name: string } | null;
}

describe('users: the accounts, for the ADMIN', () => {
  let t: TestApp;
  let state: Account;
  let donor: Account & { donorId: string };
  let secretariat: Account;

  beforeAll(async () => {
    t = await startTestApp();
    state = await stateAccount(t, 'NGA');
    donor = await donorAccount(t, 'Government of Norway');
    secretariat = await secretariatAccount(t);
    await createAccount(t, 'DONOR', { donorId: (await createDonor(t, 'UNODC', 'UN_ENTITY')).id });
  });
  afterAll(() => t.close());

  const page = async (variables: Record<string, unknown>) => dataOf(await t.gql(USERS, variables, t.adminToken)).users;

  it('lists every account by e-mail address with its role and binding', async () => {
    const all = await page({});
    const emails = all.edges.map((edge: { node: UserView }) => edge.node.email);
    expect(all.totalCount).toBe(5);
    expect(emails).toEqual([...emails].sort());
    expect(emails).toContain(ADMIN_EMAIL);
    const byId = new Map<string, UserView>(all.edges.map((edge: { node: UserView }) => [edge.node.id, edge.node]));
    expect(byId.get(state.id)).toMatchObject({ role: 'STATE', country: { iso3: 'NGA' }, donor: null });
    expect(byId.get(donor.id)).toMatchObject({ role: 'DONOR', country: null, donor: { id: donor.donorId, name: 'Government of Norway' } });
    expect(byId.get(secretariat.id)).toMatchObject({ role: 'SECRETARIAT', country: null, donor: null });
  });

  it('pages by cursor and keeps one role', async () => {
    const first = await page({ first: 2 });
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await page({ first: 10, after: first.pageInfo.endCursor });
    expect(rest.edges).toHaveLength(3);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const seen = [...first.edges, ...rest.edges].map((edge: { node: UserView }) => edge.node.id);
    expect(new Set(seen).size).toBe(5);

    const donors = await page({ filter: { role: 'DONOR' } });
    expect(donors.totalCount).toBe(2);
    expect(donors.edges.every((edge: { node: UserView }) => edge.node.role === 'DONOR')).toBe(true);
  });

  it('never answers with a password or its hash', async () => {
    const response = await t.gql('{ users { edges { node { passwordHash } } } }', {}, t.adminToken);
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    const raw = JSON.stringify(await page({ first: 100 }));
    expect(raw).not.toMatch(/password|\$argon|\$2[aby]\$|scrypt/i);
  });

  it('refuses a country or donor the filter names that does not exist, naming the field', async () => {
    const refused = async (filter: Record<string, unknown>) => badInputFields(await t.gql(USERS, { filter }, t.adminToken));
    expect(await refused({ countryIso3: 'ZZZ' })).toEqual(['filter.countryIso3']);
    expect(await refused({ donorId: UNKNOWN_ID })).toEqual(['filter.donorId']);
    expect((await page({ filter: { donorId: donor.donorId } })).totalCount).toBe(1);
  });

  it('is for the ADMIN alone', async () => {
    for (const token of [state.token, donor.token, secretariat.token]) expect(errorCode(await t.gql(USERS, {}, token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(USERS, {}))).toBe('UNAUTHENTICATED');
  });
});
