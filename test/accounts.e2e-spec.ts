import { JwtService } from '@nestjs/jwt';
import { ADMIN_EMAIL, ADMIN_PASSWORD, errorCode, GraphQLResponse, startTestApp, TestApp } from './support/test-app';
import {
  Account,
  auditTrail,
  badInputFields,
  contractOperation,
  createDonor,
  dataOf,
  donorAccount,
  PASSWORD,
  secretariatAccount,
  stateAccount,
  UNKNOWN_ID,
} from './support/fixtures';

const LOGIN = contractOperation('Login');
const ME = contractOperation('Me');
const CREATE_DONOR = contractOperation('CreateDonor');
const CREATE_USER = contractOperation('CreateUser');
const DONORS = '{ donors { id name } }';

describe('accounts and sign-in over the client contract', () => {
  let t: TestApp;
  let nigeria: Account;
  let donor: Account & { donorId: string };
  let secretariat: Account;

  beforeAll(async () => {
    t = await startTestApp();
    [nigeria, donor, secretariat] = await Promise.all([
      stateAccount(t, 'NGA'),
      donorAccount(t, 'Government of Germany'),
      secretariatAccount(t),
    ]);
  });
  afterAll(() => t.close());

  const donorCount = async () => dataOf(await t.gql(DONORS, {}, t.adminToken)).donors.length;
  const canLogIn = async (email: string, password = PASSWORD) => !(await t.gql(LOGIN, { email, password })).errors;

  describe('login and me', () => {
    it('created the first ADMIN from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
      const login = dataOf(await t.gql(LOGIN, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).login;
      expect(login.user).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN', country: null, donor: null });
      expect(login.accessToken).toEqual(expect.any(String));
      expect(dataOf(await t.gql(ME, {}, login.accessToken)).me).toMatchObject({ id: login.user.id, role: 'ADMIN' });
      const trail = await auditTrail(t, login.user.id);
      expect(trail).toEqual([expect.objectContaining({ action: 'user.create', entityType: 'User', actor: null })]);
    });

    it('signs in whatever the case and spacing of the e-mail', async () => {
      const login = dataOf(await t.gql(LOGIN, { email: `  ${nigeria.email.toUpperCase()} `, password: PASSWORD })).login;
      expect(login.user).toMatchObject({ id: nigeria.id, role: 'STATE', country: { iso3: 'NGA' }, donor: null });
    });

    it('tells a wrong password and an unknown e-mail apart in no way', async () => {
      const wrongPassword = await t.gql(LOGIN, { email: nigeria.email, password: 'not-the-password' });
      const unknownEmail = await t.gql(LOGIN, { email: 'nobody@e2e.test', password: PASSWORD });
      expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
      expect(wrongPassword.errors).toEqual(unknownEmail.errors);
      expect(wrongPassword.data).toBeNull();
    });

    it('refuses a sign-in without a password or with a malformed e-mail variable, naming it', async () => {
      expect(badInputFields(await t.gql(LOGIN, { email: nigeria.email }))).toEqual(['password']);
      expect(badInputFields(await t.gql(LOGIN, { email: ['a', 'b'], password: PASSWORD }))).toEqual(['email']);
    });

    it('shows each user their own account', async () => {
      expect(dataOf(await t.gql(ME, {}, nigeria.token)).me).toEqual({
        id: nigeria.id,
        email: nigeria.email,
        role: 'STATE',
        country: { iso3: 'NGA', name: 'Nigeria' },
        donor: null,
      });
      expect(dataOf(await t.gql(ME, {}, donor.token)).me).toMatchObject({
        role: 'DONOR',
        country: null,
        donor: { id: donor.donorId, name: 'Government of Germany', kind: 'STATE' },
      });
      expect(dataOf(await t.gql(ME, {}, secretariat.token)).me).toMatchObject({ role: 'SECRETARIAT', country: null, donor: null });
    });

    it('refuses missing, garbage, foreign, expired and non-bearer tokens', async () => {
      const jwt = t.app.get(JwtService);
      const expired = await jwt.signAsync({ sub: nigeria.id }, { expiresIn: -60 });
      const foreign = new JwtService({ secret: 'another-secret-that-is-also-long-enough' }).sign({ sub: nigeria.id });
      const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: nigeria.id })).toString('base64url')}.`;
      for (const token of [undefined, 'garbage', expired, foreign, unsigned]) {
        const response = await t.gql(ME, {}, token);
        expect(errorCode(response)).toBe('UNAUTHENTICATED');
        expect(response.data).toBeNull();
      }
      const basic = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Basic ${nigeria.token}` },
        body: JSON.stringify({ query: ME }),
      });
      expect(errorCode((await basic.json()) as GraphQLResponse)).toBe('UNAUTHENTICATED');
    });
  });

  describe('createDonor', () => {
    it('registers a donor organisation, with its country when it is a government', async () => {
      const created = dataOf(
        await t.gql(CREATE_DONOR, { input: { name: 'Government of Mexico', kind: 'STATE', countryIso3: 'mex' } }, t.adminToken),
      ).createDonor;
      expect(created).toEqual({ id: expect.any(String), name: 'Government of Mexico', kind: 'STATE', country: { iso3: 'MEX' } });
      const agency = dataOf(await t.gql(CREATE_DONOR, { input: { name: 'UNODC', kind: 'UN_ENTITY' } }, t.adminToken)).createDonor;
      expect(agency).toMatchObject({ kind: 'UN_ENTITY', country: null });
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['a missing name', { kind: 'STATE' }, 'input.name'],
      ['a name too short', { name: 'X', kind: 'STATE' }, 'input.name'],
      ['a name too long', { name: 'X'.repeat(201), kind: 'STATE' }, 'input.name'],
      ['an unknown kind', { name: 'Some Fund', kind: 'CHARITY' }, 'input.kind'],
      ['an unknown country code', { name: 'Some Fund', kind: 'STATE', countryIso3: 'XXX' }, 'input.countryIso3'],
      ['a malformed country code', { name: 'Some Fund', kind: 'STATE', countryIso3: 'Mexico' }, 'input.countryIso3'],
    ];
    it.each(invalid)('refuses %s, naming the field, and stores nothing', async (_case, input, field) => {
      const before = await donorCount();
      const response = await t.gql(CREATE_DONOR, { input }, t.adminToken);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(badInputFields(response)).toContain(field);
      expect(await donorCount()).toBe(before);
    });

    it('refuses all but one of several donors of one name registered at the same moment, with CONFLICT', async () => {
      const before = await donorCount();
      const input = { name: 'Government of Uruguay', kind: 'STATE' };
      const responses = await Promise.all(Array.from({ length: 8 }, () => t.gql(CREATE_DONOR, { input }, t.adminToken)));
      expect(responses.map(errorCode).sort()).toEqual([...Array<string>(7).fill('CONFLICT'), undefined]);
      expect(await donorCount()).toBe(before + 1);
    });

    it('refuses a second donor of the same name', async () => {
      await createDonor(t, 'Government of Chile');
      const before = await donorCount();
      expect(errorCode(await t.gql(CREATE_DONOR, { input: { name: ' Government of Chile ', kind: 'STATE' } }, t.adminToken))).toBe(
        'CONFLICT',
      );
      expect(await donorCount()).toBe(before);
    });

    it('refuses everyone but the ADMIN', async () => {
      const before = await donorCount();
      const input = { name: 'Self-registered donor', kind: 'CIVIL_SOCIETY' };
      for (const account of [secretariat, nigeria, donor]) {
        expect(errorCode(await t.gql(CREATE_DONOR, { input }, account.token))).toBe('FORBIDDEN');
      }
      expect(errorCode(await t.gql(CREATE_DONOR, { input }))).toBe('UNAUTHENTICATED');
      expect(await donorCount()).toBe(before);
    });
  });

  describe('createUser', () => {
    it('creates an account of every role, bound as the role requires, that can then sign in', async () => {
      const create = async (input: Record<string, unknown>) =>
        dataOf(await t.gql(CREATE_USER, { input: { password: PASSWORD, ...input } }, t.adminToken)).createUser;
      expect(await create({ email: 'Focal.Point@Kenya.example', role: 'STATE', countryIso3: 'KEN' })).toEqual({
        id: expect.any(String),
        email: 'focal.point@kenya.example',
        role: 'STATE',
        country: { iso3: 'KEN' },
        donor: null,
      });
      expect(await create({ email: 'officer@germany.example', role: 'DONOR', donorId: donor.donorId })).toMatchObject({
        country: null,
        donor: { id: donor.donorId },
      });
      expect(await create({ email: 'desk@unoda.example', role: 'SECRETARIAT' })).toMatchObject({
        role: 'SECRETARIAT',
        country: null,
        donor: null,
      });
      expect(await create({ email: 'ops@unoda.example', role: 'ADMIN' })).toMatchObject({ role: 'ADMIN' });
      for (const email of ['focal.point@kenya.example', 'officer@germany.example', 'desk@unoda.example', 'ops@unoda.example']) {
        expect(await canLogIn(email)).toBe(true);
      }
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['a malformed e-mail', { email: 'not-an-email', role: 'SECRETARIAT' }, 'input.email'],
      ['a password too short', { email: 'short@e2e.test', password: 'short', role: 'SECRETARIAT' }, 'input.password'],
      ['an unknown role', { email: 'role@e2e.test', role: 'SUPERUSER' }, 'input.role'],
      ['a STATE user without a country', { email: 'state@e2e.test', role: 'STATE' }, 'input.countryIso3'],
      ['a STATE user with an unknown country', { email: 'state@e2e.test', role: 'STATE', countryIso3: 'ZZZ' }, 'input.countryIso3'],
      ['a DONOR user without a donor', { email: 'donor@e2e.test', role: 'DONOR' }, 'input.donorId'],
      ['a DONOR user with a donor that does not exist', { email: 'donor@e2e.test', role: 'DONOR', donorId: UNKNOWN_ID }, 'input.donorId'],
      ['a DONOR user with a malformed donor id', { email: 'donor@e2e.test', role: 'DONOR', donorId: 'germany' }, 'input.donorId'],
      ['a DONOR user bound to a country', { email: 'donor@e2e.test', role: 'DONOR', countryIso3: 'DEU' }, 'input.donorId'],
      ['a SECRETARIAT user bound to a country', { email: 'staff@e2e.test', role: 'SECRETARIAT', countryIso3: 'NGA' }, 'input.countryIso3'],
    ];
    it.each(invalid)('refuses %s, naming the field, and creates no account', async (_case, input, field) => {
      const response = await t.gql(CREATE_USER, { input: { password: PASSWORD, ...input } }, t.adminToken);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(badInputFields(response)).toContain(field);
      expect(await canLogIn(String(input.email), (input.password as string | undefined) ?? PASSWORD)).toBe(false);
    });

    it('refuses all but one of several accounts for one e-mail created at the same moment, with CONFLICT', async () => {
      const input = { email: 'desk.officer@example.org', password: PASSWORD, role: 'SECRETARIAT' };
      const responses = await Promise.all(Array.from({ length: 8 }, () => t.gql(CREATE_USER, { input }, t.adminToken)));
      expect(responses.map(errorCode).sort()).toEqual([...Array<string>(7).fill('CONFLICT'), undefined]);
      expect(await canLogIn(input.email, PASSWORD)).toBe(true);
    });

    it('refuses a second account for the same e-mail, whatever its case', async () => {
      const response = await t.gql(
        CREATE_USER,
        { input: { email: nigeria.email.toUpperCase(), password: 'another-long-password', role: 'SECRETARIAT' } },
        t.adminToken,
      );
      expect(errorCode(response)).toBe('CONFLICT');
      expect(await canLogIn(nigeria.email, 'another-long-password')).toBe(false);
      expect(dataOf(await t.gql(ME, {}, await t.login(nigeria.email, PASSWORD))).me.role).toBe('STATE');
    });

    it('refuses everyone but the ADMIN', async () => {
      const input = { email: 'self-made@e2e.test', password: PASSWORD, role: 'ADMIN' };
      for (const account of [secretariat, nigeria, donor]) {
        expect(errorCode(await t.gql(CREATE_USER, { input }, account.token))).toBe('FORBIDDEN');
      }
      expect(errorCode(await t.gql(CREATE_USER, { input }))).toBe('UNAUTHENTICATED');
      expect(await canLogIn('self-made@e2e.test')).toBe(false);
    });
  });
});
