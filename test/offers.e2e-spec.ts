import { errorCode, startTestApp, TestApp } from './support/test-app';
import {
  Account,
  auditTrail,
  badInputFields,
  contractOperation,
  dataOf,
  donorAccount,
  offerInput,
  secretariatAccount,
  stateAccount,
  UNKNOWN_ID,
} from './support/fixtures';

const CREATE_OFFER = contractOperation('CreateOffer');
const UPDATE_OFFER = contractOperation('UpdateOffer');
const PUBLISH_OFFER = contractOperation('PublishOffer');
const WITHDRAW_OFFER = contractOperation('WithdrawOffer');
const OFFERS = contractOperation('Offers');
/** The stored terms of one offer, to show that a refused change left them alone. */
const OFFER_TERMS = `query($id: ID!) {
  offer(id: $id) {
    id status title description capacityUsd remainingCapacityUsd minGrantUsd maxGrantUsd startDate endDate global modality
    themes { code } eligibleCountries { iso3 } eligibleRegions { code }
  }
}`;

type DonorAccount = Account & { donorId: string };

interface OfferListNode {
  id: string;
  title: string;
  status: string;
  donor: { name: string };
}

interface OffersPage {
  offers: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: OfferListNode }[] };
}

describe('offers over the client contract', () => {
  let t: TestApp;
  let japan: DonorAccount;
  let norway: DonorAccount;
  let nigeria: Account;
  let secretariat: Account;

  beforeAll(async () => {
    t = await startTestApp();
    japan = await donorAccount(t, 'Government of Japan');
    norway = await donorAccount(t, 'Government of Norway');
    [nigeria, secretariat] = await Promise.all([stateAccount(t, 'NGA'), secretariatAccount(t)]);
  });
  afterAll(() => t.close());

  const createOffer = async (account: Account, overrides: Record<string, unknown> = {}): Promise<string> =>
    dataOf(await t.gql(CREATE_OFFER, { input: offerInput(overrides) }, account.token)).createOffer.id;
  const publish = async (account: Account, id: string) => dataOf(await t.gql(PUBLISH_OFFER, { id }, account.token)).publishOffer;
  const readOffer = async (id: string) => dataOf(await t.gql(OFFER_TERMS, { id }, t.adminToken)).offer;
  const countAll = async () => dataOf(await t.gql<OffersPage>(OFFERS, { first: 1 }, t.adminToken)).offers.totalCount;

  async function listAll(filter: Record<string, unknown>, token: string, first = 100): Promise<OfferListNode[]> {
    const nodes: OfferListNode[] = [];
    let after: string | null = null;
    do {
      const page: OffersPage['offers'] = dataOf(await t.gql<OffersPage>(OFFERS, { filter, first, after }, token)).offers;
      nodes.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
    return nodes;
  }
  const titlesOf = (nodes: OfferListNode[]) => nodes.map((node) => node.title).sort();

  describe('createOffer', () => {
    it("posts a DRAFT offer for the donor's own organisation with its whole capacity left", async () => {
      const created = dataOf(await t.gql(CREATE_OFFER, { input: offerInput({ capacityUsd: 1_000_000_000 }) }, japan.token)).createOffer;
      expect(created).toMatchObject({
        status: 'DRAFT',
        title: offerInput().title,
        donor: { id: japan.donorId, name: 'Government of Japan' },
        themes: [{ code: 'WEAPONS_AMMUNITION_MANAGEMENT' }],
        capacityUsd: 1_000_000_000,
        remainingCapacityUsd: 1_000_000_000,
      });
      expect(await readOffer(created.id)).toMatchObject({
        eligibleRegions: [{ code: '011' }],
        startDate: '2026-06-01',
        endDate: '2029-12-31',
        global: false,
      });
    });

    it('accepts a global offer and one naming countries only', async () => {
      const global = await createOffer(japan, { eligibleRegionCodes: undefined, global: true });
      expect(await readOffer(global)).toMatchObject({ global: true, eligibleRegions: [], eligibleCountries: [] });
      const countries = await createOffer(japan, {
        eligibleRegionCodes: undefined,
        eligibleCountryIso3s: ['nga', 'GHA'],
        modality: 'SOUTH_SOUTH',
      });
      const terms = await readOffer(countries);
      expect(terms.eligibleCountries.map((country: { iso3: string }) => country.iso3).sort()).toEqual(['GHA', 'NGA']);
      expect(terms.modality).toBe('SOUTH_SOUTH');
    });

    it('lets the Secretariat post for a named donor, and asks it to name an existing one', async () => {
      const created = dataOf(await t.gql(CREATE_OFFER, { input: offerInput({ donorId: norway.donorId }) }, secretariat.token)).createOffer;
      expect(created.donor.id).toBe(norway.donorId);
      expect(badInputFields(await t.gql(CREATE_OFFER, { input: offerInput() }, secretariat.token))).toEqual(['input.donorId']);
      const unknown = await t.gql(CREATE_OFFER, { input: offerInput({ donorId: UNKNOWN_ID }) }, secretariat.token);
      expect(badInputFields(unknown)).toEqual(['input.donorId']);
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['a missing title', { title: undefined }, 'input.title'],
      ['a title too long', { title: 'x'.repeat(201) }, 'input.title'],
      ['a description too short', { description: 'tiny' }, 'input.description'],
      ['no theme', { themeCodes: [] }, 'input.themeCodes'],
      ['an unknown theme code', { themeCodes: ['GENDER', 'NO_SUCH_THEME'] }, 'input.themeCodes'],
      ['an unknown assistance type', { assistanceTypes: ['CASH'] }, 'input.assistanceTypes[0]'],
      ['an unknown country code', { eligibleCountryIso3s: ['XXX'] }, 'input.eligibleCountryIso3s'],
      ['a malformed country code', { eligibleCountryIso3s: ['NIGERIA'] }, 'input.eligibleCountryIso3s'],
      ['an unknown region code', { eligibleRegionCodes: ['999'] }, 'input.eligibleRegionCodes'],
      ['no eligible country or region and not global', { eligibleRegionCodes: undefined }, 'input.global'],
      [
        'empty eligibility lists and global false',
        { eligibleRegionCodes: [], eligibleCountryIso3s: [], global: false },
        'input.eligibleRegionCodes',
      ],
      ['a capacity of zero', { capacityUsd: 0, minGrantUsd: undefined, maxGrantUsd: undefined }, 'input.capacityUsd'],
      ['a negative capacity', { capacityUsd: -100 }, 'input.capacityUsd'],
      ['a capacity above USD 1 billion', { capacityUsd: 1_000_000_001 }, 'input.capacityUsd'],
      ['a negative smallest grant', { minGrantUsd: -1 }, 'input.minGrantUsd'],
      ['a smallest grant above the largest', { minGrantUsd: 500_000, maxGrantUsd: 400_000 }, 'input.maxGrantUsd'],
      ['a largest grant above the capacity', { capacityUsd: 300_000, maxGrantUsd: 400_000 }, 'input.maxGrantUsd'],
      ['an end before the start', { startDate: '2027-01-01', endDate: '2026-12-31' }, 'input.endDate'],
      ['a date that does not exist', { startDate: '2027-02-30' }, 'input.startDate'],
      ['an unknown modality', { modality: 'EAST_WEST' }, 'input.modality'],
    ];
    it.each(invalid)('refuses %s, naming the field, and stores nothing', async (_case, overrides, field) => {
      const before = await countAll();
      const response = await t.gql(CREATE_OFFER, { input: offerInput(overrides) }, japan.token);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(badInputFields(response)).toContain(field);
      expect(await countAll()).toBe(before);
    });

    it('refuses states, posting for another donor, and anonymous callers', async () => {
      const before = await countAll();
      expect(errorCode(await t.gql(CREATE_OFFER, { input: offerInput() }, nigeria.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE_OFFER, { input: offerInput({ donorId: norway.donorId }) }, japan.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE_OFFER, { input: offerInput() }))).toBe('UNAUTHENTICATED');
      expect(await countAll()).toBe(before);
    });
  });

  describe('updateOffer', () => {
    it('changes the given terms only; remaining capacity follows the capacity', async () => {
      const id = await createOffer(japan);
      const updated = dataOf(
        await t.gql(UPDATE_OFFER, { id, input: { capacityUsd: 600_000, themeCodes: ['MARKING', 'TRACING'] } }, japan.token),
      ).updateOffer;
      expect(updated).toEqual({ id, status: 'DRAFT', capacityUsd: 600_000, remainingCapacityUsd: 600_000 });
      expect(await readOffer(id)).toMatchObject({
        title: offerInput().title,
        themes: [{ code: 'MARKING' }, { code: 'TRACING' }],
        eligibleRegions: [{ code: '011' }],
        maxGrantUsd: 400_000,
      });
      await publish(japan, id);
      const bySecretariat = dataOf(
        await t.gql(UPDATE_OFFER, { id, input: { eligibleRegionCodes: ['002'] } }, secretariat.token),
      ).updateOffer;
      expect(bySecretariat.status).toBe('OPEN');
      expect((await readOffer(id)).eligibleRegions).toEqual([{ code: '002' }]);
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['a title too short', { title: 'ab' }, 'input.title'],
      ['an unknown theme code', { themeCodes: ['NOPE'] }, 'input.themeCodes'],
      ['a capacity below the largest grant', { capacityUsd: 100_000 }, 'input.maxGrantUsd'],
      ['a capacity above USD 1 billion', { capacityUsd: 1_500_000_000 }, 'input.capacityUsd'],
      ['a smallest grant above the stored largest', { minGrantUsd: 450_000 }, 'input.maxGrantUsd'],
      ['no eligibility left', { eligibleRegionCodes: [] }, 'input.global'],
      ['an unknown region code', { eligibleRegionCodes: ['123'] }, 'input.eligibleRegionCodes'],
      ['an end before the stored start', { endDate: '2026-01-01' }, 'input.endDate'],
      ['a date that does not exist', { endDate: '2029-02-29' }, 'input.endDate'],
      ['a donor change', { donorId: UNKNOWN_ID }, 'input.donorId'],
      ['no title', { title: null }, 'input.title'],
      ['a title of spaces', { title: '     ' }, 'input.title'],
      ['no capacity', { capacityUsd: null }, 'input.capacityUsd'],
      ['no themes, with new eligible countries', { themeCodes: null, eligibleCountryIso3s: ['UGA'] }, 'input.themeCodes'],
      ['no answer on a gender component', { requiresGenderComponent: null }, 'input.requiresGenderComponent'],
    ];
    it.each(invalid)('refuses %s, naming the field, and changes nothing', async (_case, input, field) => {
      const id = await createOffer(japan);
      const [before, trail] = await Promise.all([readOffer(id), auditTrail(t, id)]);
      const response = await t.gql(UPDATE_OFFER, { id, input }, japan.token);
      expect(badInputFields(response)).toContain(field);
      expect(await readOffer(id)).toEqual(before);
      expect(await auditTrail(t, id)).toHaveLength(trail.length);
    });

    it('refuses states, other donors (a draft is not found, a published offer is forbidden) and anonymous callers', async () => {
      const draft = await createOffer(japan);
      const published = await createOffer(japan);
      await publish(japan, published);
      const input = { title: 'Taken over' };
      expect(errorCode(await t.gql(UPDATE_OFFER, { id: published, input }, nigeria.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(UPDATE_OFFER, { id: draft, input }, norway.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(UPDATE_OFFER, { id: published, input }, norway.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(UPDATE_OFFER, { id: published, input }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(UPDATE_OFFER, { id: UNKNOWN_ID, input }, japan.token))).toBe('NOT_FOUND');
      expect((await readOffer(draft)).title).toBe(offerInput().title);
      expect((await readOffer(published)).title).toBe(offerInput().title);
      expect((await auditTrail(t, published)).map((event) => event.action)).toEqual(['offer.create', 'offer.publish']);
    });
  });

  describe('expectedVersion (optimistic concurrency)', () => {
    const UPDATE_AT_VERSION = `mutation UpdateOfferAtVersion($id: ID!, $input: UpdateOfferInput!, $expectedVersion: Int) {
      updateOffer(id: $id, input: $input, expectedVersion: $expectedVersion) { id title version themes { code } eligibleRegions { code } }
    }`;
    const PUBLISH_AT_VERSION = `mutation PublishOfferAtVersion($id: ID!, $expectedVersion: Int) {
      publishOffer(id: $id, expectedVersion: $expectedVersion) { id status version }
    }`;
    const WITHDRAW_AT_VERSION = `mutation WithdrawOfferAtVersion($id: ID!, $reason: String!, $expectedVersion: Int) {
      withdrawOffer(id: $id, reason: $reason, expectedVersion: $expectedVersion) { id status version }
    }`;
    const versionOf = async (id: string): Promise<number> =>
      dataOf(
        await t.gql<{ offer: { version: number } }>('query OfferVersion($id: ID!) { offer(id: $id) { version } }', { id }, t.adminToken),
      ).offer.version;

    it('saves at the version read and raises it by one, even when only the themes or eligible areas change', async () => {
      const id = await createOffer(japan);
      const read = await versionOf(id);
      const saved = dataOf(
        await t.gql(UPDATE_AT_VERSION, { id, input: { title: 'Marking machines' }, expectedVersion: read }, japan.token),
      ).updateOffer;
      expect(saved).toMatchObject({ title: 'Marking machines', version: read + 1 });
      const themesOnly = dataOf(
        await t.gql(UPDATE_AT_VERSION, { id, input: { themeCodes: ['MARKING'] }, expectedVersion: read + 1 }, japan.token),
      ).updateOffer;
      expect(themesOnly).toMatchObject({ themes: [{ code: 'MARKING' }], version: read + 2 });
      const areasOnly = dataOf(
        await t.gql(UPDATE_AT_VERSION, { id, input: { eligibleRegionCodes: ['002'] }, expectedVersion: read + 2 }, japan.token),
      ).updateOffer;
      expect(areasOnly).toMatchObject({ eligibleRegions: [{ code: '002' }], version: read + 3 });
      expect(await versionOf(id)).toBe(read + 3);
    });

    it('refuses a stale version with CONFLICT and changes nothing', async () => {
      const id = await createOffer(japan);
      const read = await versionOf(id);
      dataOf(
        await t.gql(
          UPDATE_AT_VERSION,
          { id, input: { title: 'Saved first by the Secretariat' }, expectedVersion: read },
          secretariat.token,
        ),
      );
      const [before, trail] = await Promise.all([readOffer(id), auditTrail(t, id)]);
      const stale = await t.gql(
        UPDATE_AT_VERSION,
        { id, input: { title: 'Saved second', themeCodes: ['MARKING'], eligibleRegionCodes: ['002'] }, expectedVersion: read },
        japan.token,
      );
      expect(errorCode(stale)).toBe('CONFLICT');
      expect(errorCode(await t.gql(PUBLISH_AT_VERSION, { id, expectedVersion: read }, japan.token))).toBe('CONFLICT');
      expect(errorCode(await t.gql(WITHDRAW_AT_VERSION, { id, reason: 'Budget cut this year', expectedVersion: read }, japan.token))).toBe(
        'CONFLICT',
      );
      expect(await readOffer(id)).toEqual(before);
      expect(await versionOf(id)).toBe(read + 1);
      expect(await auditTrail(t, id)).toHaveLength(trail.length);
    });

    it('publishes and withdraws at the version read', async () => {
      const id = await createOffer(japan);
      const read = await versionOf(id);
      const published = dataOf(await t.gql(PUBLISH_AT_VERSION, { id, expectedVersion: read }, japan.token)).publishOffer;
      expect(published).toEqual({ id, status: 'OPEN', version: read + 1 });
      const withdrawn = dataOf(
        await t.gql(WITHDRAW_AT_VERSION, { id, reason: 'Budget cut this year', expectedVersion: read + 1 }, japan.token),
      ).withdrawOffer;
      expect(withdrawn).toEqual({ id, status: 'WITHDRAWN', version: read + 2 });
    });
  });

  describe('publishOffer and withdrawOffer', () => {
    it('publishes a draft once, then refuses to publish it again', async () => {
      const id = await createOffer(japan);
      expect(await publish(japan, id)).toEqual({ id, status: 'OPEN' });
      expect(errorCode(await t.gql(PUBLISH_OFFER, { id }, japan.token))).toBe('CONFLICT');
      expect((await auditTrail(t, id)).map((event) => event.action)).toEqual(['offer.create', 'offer.publish']);
    });

    it('withdraws with a reason, then refuses every further change', async () => {
      const id = await createOffer(japan);
      await publish(japan, id);
      expect(dataOf(await t.gql(WITHDRAW_OFFER, { id, reason: 'Budget cut this year' }, japan.token)).withdrawOffer).toEqual({
        id,
        status: 'WITHDRAWN',
      });
      const before = await readOffer(id);
      expect(errorCode(await t.gql(UPDATE_OFFER, { id, input: { capacityUsd: 2_000_000 } }, japan.token))).toBe('CONFLICT');
      expect(errorCode(await t.gql(UPDATE_OFFER, { id, input: { title: 'Revived offer' } }, secretariat.token))).toBe('CONFLICT');
      expect(errorCode(await t.gql(PUBLISH_OFFER, { id }, japan.token))).toBe('CONFLICT');
      expect(errorCode(await t.gql(WITHDRAW_OFFER, { id, reason: 'Once more' }, japan.token))).toBe('CONFLICT');
      expect(await readOffer(id)).toEqual(before);
      expect((await auditTrail(t, id)).map((event) => event.action)).toEqual(['offer.create', 'offer.publish', 'offer.withdraw']);
    });

    it('withdraws a draft too, by the Secretariat', async () => {
      const id = await createOffer(japan);
      expect(dataOf(await t.gql(WITHDRAW_OFFER, { id, reason: 'Entered twice' }, secretariat.token)).withdrawOffer.status).toBe(
        'WITHDRAWN',
      );
    });

    it('refuses a missing id or reason and a reason too short, naming the argument', async () => {
      const id = await createOffer(japan);
      expect(badInputFields(await t.gql(PUBLISH_OFFER, {}, japan.token))).toEqual(['id']);
      expect(badInputFields(await t.gql(WITHDRAW_OFFER, { id }, japan.token))).toEqual(['reason']);
      expect(badInputFields(await t.gql(WITHDRAW_OFFER, { id, reason: 'x' }, japan.token))).toEqual(['reason']);
      expect((await readOffer(id)).status).toBe('DRAFT');
      expect(await auditTrail(t, id)).toHaveLength(1);
    });

    it('refuses states, other donors and anonymous callers', async () => {
      const id = await createOffer(japan);
      for (const token of [nigeria.token, norway.token, undefined]) {
        const expected = token === nigeria.token ? 'FORBIDDEN' : token ? 'NOT_FOUND' : 'UNAUTHENTICATED';
        expect(errorCode(await t.gql(PUBLISH_OFFER, { id }, token))).toBe(expected);
        expect(errorCode(await t.gql(WITHDRAW_OFFER, { id, reason: 'Not mine to keep' }, token))).toBe(expected);
      }
      await publish(japan, id);
      expect(errorCode(await t.gql(WITHDRAW_OFFER, { id, reason: 'Not mine to keep' }, norway.token))).toBe('FORBIDDEN');
      expect((await readOffer(id)).status).toBe('OPEN');
      expect(await auditTrail(t, id)).toHaveLength(2);
    });
  });

  describe('who sees which offers', () => {
    let canada: DonorAccount;
    let draft: string;
    let published: string;

    beforeAll(async () => {
      canada = await donorAccount(t, 'Government of Canada');
      draft = await createOffer(canada, { title: 'Canada draft' });
      published = await createOffer(canada, { title: 'Canada published' });
      await publish(canada, published);
    });

    const canadianTitles = async (token: string) => titlesOf(await listAll({ donorId: canada.donorId }, token));

    it("hides a donor's drafts from other donors and states, not from the donor or the Secretariat", async () => {
      expect(await canadianTitles(canada.token)).toEqual(['Canada draft', 'Canada published']);
      expect(await canadianTitles(secretariat.token)).toEqual(['Canada draft', 'Canada published']);
      expect(await canadianTitles(japan.token)).toEqual(['Canada published']);
      expect(await canadianTitles(nigeria.token)).toEqual(['Canada published']);
      expect(errorCode(await t.gql(OFFER_TERMS, { id: draft }, japan.token))).toBe('NOT_FOUND');
      expect(dataOf(await t.gql(OFFER_TERMS, { id: published }, japan.token)).offer.title).toBe('Canada published');
    });

    it('shows nothing to anonymous callers', async () => {
      expect(errorCode(await t.gql(OFFERS, {}))).toBe('UNAUTHENTICATED');
    });
  });

  describe('filters and pages', () => {
    let lists: DonorAccount;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      lists = await donorAccount(t, 'Listing Foundation');
      const post = async (title: string, overrides: Record<string, unknown>, published = true) => {
        ids[title] = await createOffer(lists, { title, eligibleRegionCodes: undefined, ...overrides });
        if (published) await publish(lists, ids[title]);
      };
      await post('west africa marking', { eligibleRegionCodes: ['011'], themeCodes: ['MARKING'] });
      await post('nigeria group', { eligibleCountryIso3s: ['NGA'], themeCodes: ['WEAPONS_AMMUNITION_MANAGEMENT'] });
      await post('africa gender', { eligibleRegionCodes: ['002'], themeCodes: ['GENDER'] });
      await post('global law', { global: true, themeCodes: ['LEGISLATION'] }, false);
      await post('europe borders', { eligibleRegionCodes: ['150'], themeCodes: ['BORDER_CUSTOMS'] });
      dataOf(await t.gql(WITHDRAW_OFFER, { id: ids['europe borders'], reason: 'Moved to another fund' }, lists.token));
    });

    const filtered = async (filter: Record<string, unknown>) =>
      titlesOf(await listAll({ donorId: lists.donorId, ...filter }, secretariat.token));

    it('filters by donor', async () => {
      expect(await filtered({})).toEqual(['africa gender', 'europe borders', 'global law', 'nigeria group', 'west africa marking']);
    });

    it('filters by region at every level, counting global offers and offers naming a wider or narrower area', async () => {
      expect(await filtered({ region: '011' })).toEqual(['africa gender', 'global law', 'nigeria group', 'west africa marking']);
      expect(await filtered({ region: '202' })).toEqual(['africa gender', 'global law', 'nigeria group', 'west africa marking']);
      expect(await filtered({ region: '014' })).toEqual(['africa gender', 'global law']);
      expect(await filtered({ region: '155' })).toEqual(['europe borders', 'global law']);
      expect(await filtered({ region: '419' })).toEqual(['global law']);
    });

    it('filters by themes: a theme finds offers of its group, a group finds offers of its themes', async () => {
      expect(await filtered({ themeCodes: ['TRACING'] })).toEqual(['nigeria group']);
      expect(await filtered({ themeCodes: ['MARKING'] })).toEqual(['nigeria group', 'west africa marking']);
      expect(await filtered({ themeCodes: ['WEAPONS_AMMUNITION_MANAGEMENT'] })).toEqual(['nigeria group', 'west africa marking']);
      expect(await filtered({ themeCodes: ['CROSS_CUTTING', 'LEGAL_FRAMEWORK'] })).toEqual(['africa gender', 'global law']);
    });

    it('filters by status and combines filters', async () => {
      expect(await filtered({ status: ['DRAFT'] })).toEqual(['global law']);
      expect(await filtered({ status: ['WITHDRAWN'] })).toEqual(['europe borders']);
      expect(await filtered({ status: ['OPEN'], region: '014' })).toEqual(['africa gender']);
    });

    it('refuses unknown codes and malformed filters, naming the field', async () => {
      const refused = async (filter: Record<string, unknown>) => badInputFields(await t.gql(OFFERS, { filter }, secretariat.token));
      expect(await refused({ region: '999' })).toEqual(['filter.region']);
      expect(await refused({ themeCodes: ['NOPE'] })).toEqual(['filter.themeCodes']);
      expect(await refused({ status: ['GONE'] })).toEqual(['filter.status[0]']);
      expect(await refused({ donorId: 'japan' })).toEqual(['filter.donorId']);
      expect(await refused({ donorId: UNKNOWN_ID })).toEqual(['filter.donorId']);
    });

    it('walks every page once with first/after, reporting the total on each page', async () => {
      const seen: string[] = [];
      const hasNext: boolean[] = [];
      let after: string | null = null;
      do {
        const page: OffersPage['offers'] = dataOf(
          await t.gql<OffersPage>(OFFERS, { filter: { donorId: lists.donorId }, first: 2, after }, secretariat.token),
        ).offers;
        expect(page.totalCount).toBe(5);
        seen.push(...page.edges.map((edge) => edge.node.id));
        hasNext.push(page.pageInfo.hasNextPage);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(hasNext).toEqual([true, true, false]);
      expect(seen.sort()).toEqual(Object.values(ids).sort());
      const newest = dataOf(await t.gql<OffersPage>(OFFERS, { filter: { donorId: lists.donorId }, first: 5 }, secretariat.token)).offers
        .edges;
      expect(newest.map((edge) => edge.node.title)).toEqual([
        'europe borders',
        'global law',
        'africa gender',
        'nigeria group',
        'west africa marking',
      ]);
    });

    it('refuses pages above 100', async () => {
      expect(badInputFields(await t.gql(OFFERS, { first: 101 }, secretariat.token))).toEqual(['first']);
      expect(badInputFields(await t.gql(OFFERS, { first: -1 }, secretariat.token))).toEqual(['first']);
    });
  });
});
