import { Role } from '../src/domain/role';
import { countriesInRegion } from '../src/reference/geography';
import { BMS8_REPORTING_STATES, DEMO_DONORS, DEMO_NEEDS, DEMO_OFFERS, DEMO_PASSWORD } from '../src/demo/demo-data';
import { DemoSeedResult, seedDemo } from '../src/demo/seed-demo';
import { auditTrail, contractOperation, dataOf } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const COUNTRIES = contractOperation('Countries');
const NEEDS = contractOperation('Needs');
const OFFERS = contractOperation('Offers');
const MATCHES = contractOperation('Matches');
const ME = contractOperation('Me');
const DONORS = 'query { donors { id name } }';

interface NeedsPage {
  needs: { totalCount: number; edges: { node: { id: string; title: string; status: string; country: { iso3: string } } }[] };
}
interface OffersPage {
  offers: { totalCount: number; edges: { node: { title: string; status: string; donor: { name: string } } }[] };
}
interface MatchesPage {
  matches: { totalCount: number; edges: { node: { score: number; explanation: string; offer: { donor: { name: string } } } }[] };
}

describe('npm run seed:demo', () => {
  let t: TestApp;
  let seeded: DemoSeedResult;
  const tokens = new Map<string, string>();
  const token = (email: string) => tokens.get(email)!;
  const demoEmail = (localPart: string) => seeded.accounts.find((account) => account.email.startsWith(`${localPart}@`))!.email;

  beforeAll(async () => {
    t = await startTestApp();
    seeded = await seedDemo(t.app);
    for (const account of seeded.accounts) tokens.set(account.email, await t.login(account.email, DEMO_PASSWORD));
  }, 180_000);
  afterAll(() => t.close());

  it('serves every state of 000 para 15', async () => {
    const { countries } = dataOf(await t.gql<{ countries: { iso3: string }[] }>(COUNTRIES));
    const served = new Set(countries.map((country) => country.iso3));
    expect(BMS8_REPORTING_STATES.filter((state) => !served.has(state.iso3))).toEqual([]);
  });

  it('creates an account per role that logs in with the printed password and acts for its binding', async () => {
    expect(seeded.accounts.every((account) => account.created)).toBe(true);
    expect(new Set(seeded.accounts.map((account) => account.role))).toEqual(new Set(['ADMIN', 'SECRETARIAT', 'DONOR', 'STATE']));
    expect(seeded.accounts.filter((account) => account.role === Role.DONOR)).toHaveLength(DEMO_DONORS.length);
    const me = dataOf(await t.gql<{ me: { role: string; country: { iso3: string } } }>(ME, {}, token(demoEmail('state.nga'))));
    expect(me.me).toMatchObject({ role: 'STATE', country: { iso3: 'NGA' } });
  });

  it('registers the donors the documents name as contributors', async () => {
    const { donors } = dataOf(await t.gql<{ donors: { name: string }[] }>(DONORS, {}, token(demoEmail('secretariat'))));
    expect(donors.map((donor) => donor.name).sort()).toEqual(DEMO_DONORS.map((donor) => donor.name).sort());
    expect(seeded.donors).toEqual({ total: DEMO_DONORS.length, created: DEMO_DONORS.length });
  });

  it('publishes every need, each for a reporting state, and the region filter finds the African ones', async () => {
    const secretariat = token(demoEmail('secretariat'));
    const all = dataOf(await t.gql<NeedsPage>(NEEDS, { first: 100 }, secretariat)).needs;
    expect(all.totalCount).toBe(DEMO_NEEDS.length);
    expect(all.edges.every(({ node }) => node.status === 'OPEN')).toBe(true);
    const reporting = new Set(BMS8_REPORTING_STATES.map((state) => state.iso3));
    expect(all.edges.filter(({ node }) => !reporting.has(node.country.iso3))).toEqual([]);

    const african = new Set(countriesInRegion('002').map((country) => country.iso3));
    const inAfrica = dataOf(await t.gql<NeedsPage>(NEEDS, { filter: { region: '002' }, first: 100 }, secretariat)).needs;
    expect(inAfrica.totalCount).toBe(DEMO_NEEDS.filter((need) => african.has(need.countryIso3)).length);
    expect(inAfrica.totalCount).toBeGreaterThan(0);
  });

  it("files a state's needs under its own account, as the audit trail shows", async () => {
    const nigeria = dataOf(await t.gql<NeedsPage>(NEEDS, { filter: { countryIso3: 'NGA' } }, token(demoEmail('state.nga')))).needs;
    expect(nigeria.totalCount).toBe(DEMO_NEEDS.filter((need) => need.countryIso3 === 'NGA').length);
    const trail = await auditTrail(t, nigeria.edges[0].node.id);
    expect(trail.map((event) => [event.action, event.actor?.email])).toEqual([
      ['need.create', demoEmail('state.nga')],
      ['need.publish', demoEmail('state.nga')],
    ]);
  });

  it('publishes every offer under its donor', async () => {
    const offers = dataOf(await t.gql<OffersPage>(OFFERS, { first: 100 }, token(demoEmail('secretariat')))).offers;
    expect(offers.totalCount).toBe(DEMO_OFFERS.length);
    expect(offers.edges.every(({ node }) => node.status === 'OPEN')).toBe(true);
    const salient = dataOf(await t.gql<OffersPage>(OFFERS, { first: 100 }, token(demoEmail('donor.salient')))).offers;
    expect(salient.edges.filter(({ node }) => node.donor.name === 'Saving Lives Entity (SALIENT) fund')).toHaveLength(
      DEMO_OFFERS.filter((offer) => offer.donorKey === 'salient').length,
    );
  });

  it('ends with a full matching run whose matches each donor sees for its own offers', async () => {
    expect(seeded.matchingRun).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(seeded.matchingRun.matchesUpserted).toBeGreaterThan(DEMO_NEEDS.length);

    const everything = dataOf(await t.gql<MatchesPage>(MATCHES, { first: 100 }, token(demoEmail('secretariat')))).matches;
    expect(everything.totalCount).toBe(seeded.matchingRun.matchesUpserted);
    const germany = dataOf(await t.gql<MatchesPage>(MATCHES, { first: 100 }, token(demoEmail('donor.germany')))).matches;
    expect(germany.totalCount).toBeGreaterThan(0);
    expect(germany.edges.every(({ node }) => node.offer.donor.name === 'Government of Germany')).toBe(true);
    expect(germany.edges[0].node.explanation).toMatch(/covers \d+ of \d+ themes/);
  });

  it('is idempotent: a second run creates nothing and finds the same records', async () => {
    const again = await seedDemo(t.app);
    expect(again.accounts.map((account) => [account.email, account.created])).toEqual(
      seeded.accounts.map((account) => [account.email, false]),
    );
    expect(again.donors).toEqual({ total: DEMO_DONORS.length, created: 0 });
    expect(again.needs).toEqual({ total: DEMO_NEEDS.length, created: 0 });
    expect(again.offers).toEqual({ total: DEMO_OFFERS.length, created: 0 });
    expect(again.matchingRun.status).toBe('SUCCEEDED');
    const needs = dataOf(await t.gql<NeedsPage>(NEEDS, { first: 100 }, token(demoEmail('secretariat')))).needs;
    expect(needs.totalCount).toBe(DEMO_NEEDS.length);
    const matches = dataOf(await t.gql<MatchesPage>(MATCHES, { first: 1 }, token(demoEmail('secretariat')))).matches;
    expect(matches.totalCount).toBe(seeded.matchingRun.matchesUpserted);
  }, 120_000);
});
