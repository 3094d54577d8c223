import { DataSource } from 'typeorm';
import { errorCode, startTestApp, TestApp } from './support/test-app';
import {
  Account,
  auditTrail,
  badInputFields,
  contractOperation,
  dataOf,
  donorAccount,
  needInput,
  secretariatAccount,
  stateAccount,
  UNKNOWN_ID,
} from './support/fixtures';

const CREATE_NEED = contractOperation('CreateNeed');
const UPDATE_NEED = contractOperation('UpdateNeed');
const PUBLISH_NEED = contractOperation('PublishNeed');
const WITHDRAW_NEED = contractOperation('WithdrawNeed');
const NEEDS = contractOperation('Needs');
// Report links and matches are served by other features and have their own specs.
const NEED = contractOperation('Need', ['nationalReport', 'matches']);

interface NeedListNode {
  id: string;
  title: string;
  status: string;
  country: { iso3: string };
}

interface NeedsPage {
  needs: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: NeedListNode }[] };
}

describe('needs over the client contract', () => {
  let t: TestApp;
  let nigeria: Account;
  let ghana: Account;
  let donor: Account;
  let secretariat: Account;

  beforeAll(async () => {
    t = await startTestApp();
    [nigeria, ghana, donor, secretariat] = await Promise.all([
      stateAccount(t, 'NGA'),
      stateAccount(t, 'GHA'),
      donorAccount(t),
      secretariatAccount(t),
    ]);
  });
  afterAll(() => t.close());

  const createNeed = async (account: Account, overrides: Record<string, unknown> = {}): Promise<string> =>
    dataOf(await t.gql(CREATE_NEED, { input: needInput(overrides) }, account.token)).createNeed.id;
  const publish = async (account: Account, id: string) => dataOf(await t.gql(PUBLISH_NEED, { id }, account.token));
  const readNeed = async (id: string) => dataOf(await t.gql(NEED, { id }, t.adminToken)).need;
  const countAll = async () => dataOf(await t.gql<NeedsPage>(NEEDS, { first: 1 }, t.adminToken)).needs.totalCount;

  /** Every node of a list, walking the pages; fails on a repeated node. */
  async function listAll(filter: Record<string, unknown>, token?: string, first = 100): Promise<NeedListNode[]> {
    const nodes: NeedListNode[] = [];
    let after: string | null = null;
    do {
      const page: NeedsPage['needs'] = dataOf(await t.gql<NeedsPage>(NEEDS, { filter, first, after }, token)).needs;
      nodes.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
    return nodes;
  }
  const titlesOf = (nodes: NeedListNode[]) => nodes.map((node) => node.title).sort();

  describe('createNeed', () => {
    it('files a DRAFT need for the state and shows every field back', async () => {
      const created = dataOf(
        await t.gql(
          CREATE_NEED,
          { input: needInput({ estimatedBudgetUsd: 1_000_000_000, priority: 1, genderComponent: true, visibility: 'PUBLIC' }) },
          nigeria.token,
        ),
      ).createNeed;
      expect(created).toMatchObject({
        status: 'DRAFT',
        title: 'Stockpile security for police armouries',
        country: { iso3: 'NGA' },
        themes: [{ code: 'STOCKPILE_MANAGEMENT' }, { code: 'MARKING' }],
        assistanceTypes: ['EQUIPMENT', 'TRAINING'],
        estimatedBudgetUsd: 1_000_000_000,
        fundedUsd: 0,
      });
      expect(await readNeed(created.id)).toMatchObject({
        id: created.id,
        description: needInput().description,
        visibility: 'PUBLIC',
        priority: 1,
        country: { iso3: 'NGA', name: 'Nigeria', region: { code: '002' }, subRegion: { code: '202' } },
        themes: [
          { code: 'STOCKPILE_MANAGEMENT', label: expect.any(String) },
          { code: 'MARKING', label: expect.any(String) },
        ],
        startDate: '2027-01-01',
        endDate: '2028-12-31',
        nationalActionPlan: false,
        baselineAssessment: false,
        genderComponent: true,
        multiYear: false,
        conflictAffected: false,
      });
    });

    it('applies the defaults: DONORS visibility and priority 3', async () => {
      const id = await createNeed(nigeria, { startDate: null, endDate: null });
      expect(await readNeed(id)).toMatchObject({ visibility: 'DONORS', priority: 3, startDate: null, endDate: null });
    });

    it('lets the Secretariat file for a named state, and asks it to name one', async () => {
      const created = dataOf(await t.gql(CREATE_NEED, { input: needInput({ countryIso3: 'gha' }) }, secretariat.token)).createNeed;
      expect(created.country.iso3).toBe('GHA');
      const unnamed = await t.gql(CREATE_NEED, { input: needInput() }, secretariat.token);
      expect(badInputFields(unnamed)).toEqual(['input.countryIso3']);
      const unknown = await t.gql(CREATE_NEED, { input: needInput({ countryIso3: 'XXX' }) }, secretariat.token);
      expect(badInputFields(unknown)).toEqual(['input.countryIso3']);
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['a missing title', { title: undefined }, 'input.title'],
      ['a title too short', { title: 'ab' }, 'input.title'],
      ['a title too long', { title: 'x'.repeat(201) }, 'input.title'],
      ['a description too short', { description: 'short' }, 'input.description'],
      ['no theme', { themeCodes: [] }, 'input.themeCodes'],
      ['an unknown theme code', { themeCodes: ['MARKING', 'NOT_A_THEME'] }, 'input.themeCodes'],
      ['a theme group instead of a theme', { themeCodes: ['CROSS_CUTTING'] }, 'input.themeCodes'],
      ['a repeated theme', { themeCodes: ['MARKING', 'MARKING'] }, 'input.themeCodes'],
      ['no assistance type', { assistanceTypes: [] }, 'input.assistanceTypes'],
      ['an unknown assistance type', { assistanceTypes: ['MONEY'] }, 'input.assistanceTypes[0]'],
      ['an unknown visibility', { visibility: 'EVERYONE' }, 'input.visibility'],
      ['a negative budget', { estimatedBudgetUsd: -1 }, 'input.estimatedBudgetUsd'],
      ['a budget above USD 1 billion', { estimatedBudgetUsd: 1_000_000_001 }, 'input.estimatedBudgetUsd'],
      ['a fractional budget', { estimatedBudgetUsd: 10.5 }, 'input.estimatedBudgetUsd'],
      ['an end before the start', { startDate: '2027-06-01', endDate: '2027-05-31' }, 'input.endDate'],
      ['an end on the start day', { startDate: '2027-06-01', endDate: '2027-06-01' }, 'input.endDate'],
      ['a date that does not exist', { startDate: '2027-02-30' }, 'input.startDate'],
      ['a date that is no date', { endDate: '31/12/2028' }, 'input.endDate'],
      ['a priority above 5', { priority: 6 }, 'input.priority'],
      ['a priority below 1', { priority: 0 }, 'input.priority'],
      ['a malformed report id', { nationalReportId: 'report-1' }, 'input.nationalReportId'],
      ['an unknown field', { colour: 'red' }, 'input.colour'],
      ['a NUL character in the text', { description: 'Twelve characters \u0000 and more' }, 'input.description'],
      ['a NUL character in a list', { themeCodes: ['MARKING\u0000'] }, 'input.themeCodes[0]'],
    ];
    it.each(invalid)('refuses %s, naming the field, and stores nothing', async (_case, overrides, field) => {
      const before = await countAll();
      const response = await t.gql(CREATE_NEED, { input: needInput(overrides) }, nigeria.token);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(badInputFields(response)).toContain(field);
      expect(await countAll()).toBe(before);
    });

    it('names the rule a refused field broke, so clients can word it in their language', async () => {
      const response = await t.gql(CREATE_NEED, { input: needInput({ title: 'x'.repeat(1000), priority: 6 }) }, nigeria.token);
      const fields = response.errors?.[0]?.extensions?.fields as { field: string; rule?: string }[];
      expect(fields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'input.title', rule: 'isLength' }),
          expect.objectContaining({ field: 'input.priority', rule: 'max' }),
        ]),
      );
    });

    it('refuses donors, another country, and anonymous callers', async () => {
      const before = await countAll();
      expect(errorCode(await t.gql(CREATE_NEED, { input: needInput() }, donor.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE_NEED, { input: needInput({ countryIso3: 'GHA' }) }, nigeria.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE_NEED, { input: needInput() }))).toBe('UNAUTHENTICATED');
      expect(await countAll()).toBe(before);
    });
  });

  describe('updateNeed', () => {
    it('changes the given fields only, and the Secretariat may change it too', async () => {
      const id = await createNeed(nigeria);
      const updated = dataOf(
        await t.gql(
          UPDATE_NEED,
          { id, input: { title: 'Marking machines for the police', themeCodes: ['MARKING'], estimatedBudgetUsd: 0 } },
          nigeria.token,
        ),
      ).updateNeed;
      expect(updated).toEqual({
        id,
        status: 'DRAFT',
        title: 'Marking machines for the police',
        themes: [{ code: 'MARKING' }],
        estimatedBudgetUsd: 0,
      });
      expect(await readNeed(id)).toMatchObject({
        description: needInput().description,
        startDate: '2027-01-01',
        assistanceTypes: ['EQUIPMENT', 'TRAINING'],
      });
      const bySecretariat = dataOf(await t.gql(UPDATE_NEED, { id, input: { estimatedBudgetUsd: 90_000 } }, secretariat.token)).updateNeed;
      expect(bySecretariat.estimatedBudgetUsd).toBe(90_000);
    });

    it('clears a date with null', async () => {
      const id = await createNeed(nigeria, { startDate: '2027-01-01', endDate: '2027-12-31' });
      dataOf(await t.gql(UPDATE_NEED, { id, input: { startDate: null } }, nigeria.token));
      expect(await readNeed(id)).toMatchObject({ startDate: null, endDate: '2027-12-31' });
    });

    it('keeps an OPEN need OPEN when edited', async () => {
      const id = await createNeed(nigeria);
      await publish(nigeria, id);
      expect(dataOf(await t.gql(UPDATE_NEED, { id, input: { priority: 2 } }, nigeria.token)).updateNeed.status).toBe('OPEN');
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['an empty title', { title: '' }, 'input.title'],
      ['an unknown theme code', { themeCodes: ['NOPE'] }, 'input.themeCodes'],
      ['a negative budget', { estimatedBudgetUsd: -5 }, 'input.estimatedBudgetUsd'],
      ['a budget above USD 1 billion', { estimatedBudgetUsd: 2_000_000_000 }, 'input.estimatedBudgetUsd'],
      ['an end before the stored start', { endDate: '2026-12-31' }, 'input.endDate'],
      ['a start after the stored end', { startDate: '2029-01-01' }, 'input.endDate'],
      ['a date that does not exist', { endDate: '2027-02-30' }, 'input.endDate'],
      ['an unknown visibility', { visibility: 'ALL' }, 'input.visibility'],
      ['a country change', { countryIso3: 'GHA' }, 'input.countryIso3'],
      ['no title', { title: null }, 'input.title'],
      ['a title of spaces', { title: '     ' }, 'input.title'],
      ['a description of spaces', { description: ' '.repeat(12) }, 'input.description'],
      ['no themes', { themeCodes: null }, 'input.themeCodes'],
      ['no budget', { estimatedBudgetUsd: null }, 'input.estimatedBudgetUsd'],
      ['no priority', { priority: null }, 'input.priority'],
      ['no visibility', { visibility: null }, 'input.visibility'],
      ['no answer on a gender component', { genderComponent: null }, 'input.genderComponent'],
    ];
    it.each(invalid)('refuses %s, naming the field, and changes nothing', async (_case, input, field) => {
      const id = await createNeed(nigeria);
      const [before, trail] = await Promise.all([readNeed(id), auditTrail(t, id)]);
      const response = await t.gql(UPDATE_NEED, { id, input }, nigeria.token);
      expect(badInputFields(response)).toContain(field);
      expect(await readNeed(id)).toEqual(before);
      expect(await auditTrail(t, id)).toHaveLength(trail.length);
    });

    it('refuses donors, other states (a draft is not found, a published need is forbidden) and anonymous callers', async () => {
      const draft = await createNeed(nigeria, { visibility: 'PUBLIC' });
      const published = await createNeed(nigeria, { visibility: 'PUBLIC' });
      await publish(nigeria, published);
      const input = { title: 'Taken over' };
      expect(errorCode(await t.gql(UPDATE_NEED, { id: published, input }, donor.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(UPDATE_NEED, { id: draft, input }, ghana.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(UPDATE_NEED, { id: published, input }, ghana.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(UPDATE_NEED, { id: published, input }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(UPDATE_NEED, { id: UNKNOWN_ID, input }, nigeria.token))).toBe('NOT_FOUND');
      expect((await readNeed(draft)).title).toBe(needInput().title);
      expect((await readNeed(published)).title).toBe(needInput().title);
      expect((await auditTrail(t, published)).map((event) => event.action)).toEqual(['need.create', 'need.publish']);
    });
  });

  describe('expectedVersion (optimistic concurrency)', () => {
    const UPDATE_AT_VERSION = `mutation UpdateNeedAtVersion($id: ID!, $input: UpdateNeedInput!, $expectedVersion: Int) {
      updateNeed(id: $id, input: $input, expectedVersion: $expectedVersion) { id title version themes { code } }
    }`;
    const PUBLISH_AT_VERSION = `mutation PublishNeedAtVersion($id: ID!, $expectedVersion: Int) {
      publishNeed(id: $id, expectedVersion: $expectedVersion) { id status version }
    }`;
    const WITHDRAW_AT_VERSION = `mutation WithdrawNeedAtVersion($id: ID!, $reason: String!, $expectedVersion: Int) {
      withdrawNeed(id: $id, reason: $reason, expectedVersion: $expectedVersion) { id status version }
    }`;
    const versionOf = async (id: string): Promise<number> =>
      dataOf(await t.gql<{ need: { version: number } }>('query NeedVersion($id: ID!) { need(id: $id) { version } }', { id }, t.adminToken))
        .need.version;

    it('saves at the version read and raises it by one, even when only the themes change', async () => {
      const id = await createNeed(nigeria);
      const read = await versionOf(id);
      const saved = dataOf(
        await t.gql(UPDATE_AT_VERSION, { id, input: { title: 'Marking machines' }, expectedVersion: read }, nigeria.token),
      ).updateNeed;
      expect(saved).toMatchObject({ title: 'Marking machines', version: read + 1 });
      const themesOnly = dataOf(
        await t.gql(UPDATE_AT_VERSION, { id, input: { themeCodes: ['MARKING'] }, expectedVersion: read + 1 }, nigeria.token),
      ).updateNeed;
      expect(themesOnly).toMatchObject({ themes: [{ code: 'MARKING' }], version: read + 2 });
      expect(await versionOf(id)).toBe(read + 2);
    });

    it('refuses a stale version with CONFLICT and changes nothing', async () => {
      const id = await createNeed(nigeria);
      const read = await versionOf(id);
      dataOf(
        await t.gql(
          UPDATE_AT_VERSION,
          { id, input: { title: 'Saved first by the Secretariat' }, expectedVersion: read },
          secretariat.token,
        ),
      );
      const [before, trail] = await Promise.all([readNeed(id), auditTrail(t, id)]);
      const stale = await t.gql(
        UPDATE_AT_VERSION,
        { id, input: { title: 'Saved second', themeCodes: ['MARKING'] }, expectedVersion: read },
        nigeria.token,
      );
      expect(errorCode(stale)).toBe('CONFLICT');
      expect(errorCode(await t.gql(PUBLISH_AT_VERSION, { id, expectedVersion: read }, nigeria.token))).toBe('CONFLICT');
      expect(errorCode(await t.gql(WITHDRAW_AT_VERSION, { id, reason: 'No longer needed', expectedVersion: read }, nigeria.token))).toBe(
        'CONFLICT',
      );
      expect(await readNeed(id)).toEqual(before);
      expect(await versionOf(id)).toBe(read + 1);
      expect(await auditTrail(t, id)).toHaveLength(trail.length);
    });

    it('publishes and withdraws at the version read', async () => {
      const id = await createNeed(nigeria);
      const read = await versionOf(id);
      const published = dataOf(await t.gql(PUBLISH_AT_VERSION, { id, expectedVersion: read }, nigeria.token)).publishNeed;
      expect(published).toEqual({ id, status: 'OPEN', version: read + 1 });
      const withdrawn = dataOf(
        await t.gql(WITHDRAW_AT_VERSION, { id, reason: 'Funded nationally', expectedVersion: read + 1 }, nigeria.token),
      ).withdrawNeed;
      expect(withdrawn).toEqual({ id, status: 'WITHDRAWN', version: read + 2 });
    });
  });

  describe('publishNeed and withdrawNeed', () => {
    it('publishes a draft once, then refuses to publish it again', async () => {
      const id = await createNeed(nigeria);
      expect((await publish(nigeria, id)).publishNeed).toEqual({ id, status: 'OPEN' });
      const again = await t.gql(PUBLISH_NEED, { id }, nigeria.token);
      expect(errorCode(again)).toBe('CONFLICT');
      expect((await auditTrail(t, id)).map((event) => event.action)).toEqual(['need.create', 'need.publish']);
    });

    it('withdraws with a reason, then refuses every further change', async () => {
      const id = await createNeed(nigeria);
      await publish(nigeria, id);
      const withdrawn = dataOf(await t.gql(WITHDRAW_NEED, { id, reason: 'Funded by the national budget' }, nigeria.token)).withdrawNeed;
      expect(withdrawn).toEqual({ id, status: 'WITHDRAWN' });
      const before = await readNeed(id);
      expect(errorCode(await t.gql(UPDATE_NEED, { id, input: { title: 'Revived need' } }, nigeria.token))).toBe('CONFLICT');
      expect(errorCode(await t.gql(UPDATE_NEED, { id, input: { title: 'Revived need' } }, secretariat.token))).toBe('CONFLICT');
      expect(errorCode(await t.gql(PUBLISH_NEED, { id }, nigeria.token))).toBe('CONFLICT');
      expect(errorCode(await t.gql(WITHDRAW_NEED, { id, reason: 'Once more' }, nigeria.token))).toBe('CONFLICT');
      expect(await readNeed(id)).toEqual(before);
      expect((await auditTrail(t, id)).map((event) => event.action)).toEqual(['need.create', 'need.publish', 'need.withdraw']);
    });

    it('withdraws a draft too, by the Secretariat', async () => {
      const id = await createNeed(nigeria);
      expect(dataOf(await t.gql(WITHDRAW_NEED, { id, reason: 'Duplicate entry' }, secretariat.token)).withdrawNeed.status).toBe(
        'WITHDRAWN',
      );
    });

    it('refuses a missing id or reason and a reason too short, naming the argument', async () => {
      const id = await createNeed(nigeria);
      expect(badInputFields(await t.gql(PUBLISH_NEED, {}, nigeria.token))).toEqual(['id']);
      expect(badInputFields(await t.gql(WITHDRAW_NEED, { id }, nigeria.token))).toEqual(['reason']);
      expect(badInputFields(await t.gql(WITHDRAW_NEED, { id, reason: 'no' }, nigeria.token))).toEqual(['reason']);
      expect((await readNeed(id)).status).toBe('DRAFT');
      expect(await auditTrail(t, id)).toHaveLength(1);
    });

    it('refuses donors, other states and anonymous callers', async () => {
      const id = await createNeed(nigeria, { visibility: 'PUBLIC' });
      for (const token of [donor.token, ghana.token, undefined]) {
        const expected = token === donor.token ? 'FORBIDDEN' : token ? 'NOT_FOUND' : 'UNAUTHENTICATED';
        expect(errorCode(await t.gql(PUBLISH_NEED, { id }, token))).toBe(expected);
        expect(errorCode(await t.gql(WITHDRAW_NEED, { id, reason: 'Not mine to keep' }, token))).toBe(expected);
      }
      await publish(nigeria, id);
      expect(errorCode(await t.gql(WITHDRAW_NEED, { id, reason: 'Not mine to keep' }, ghana.token))).toBe('FORBIDDEN');
      expect((await readNeed(id)).status).toBe('OPEN');
      expect(await auditTrail(t, id)).toHaveLength(2);
    });
  });

  describe('who sees which needs', () => {
    let mali: Account;
    let senegal: Account;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      [mali, senegal] = await Promise.all([stateAccount(t, 'MLI'), stateAccount(t, 'SEN')]);
      ids.draft = await createNeed(mali, { title: 'Mali draft', visibility: 'PUBLIC' });
      for (const visibility of ['PUBLIC', 'DONORS', 'SECRETARIAT']) {
        ids[visibility] = await createNeed(mali, { title: `Mali ${visibility.toLowerCase()}`, visibility });
        await publish(mali, ids[visibility]);
      }
      ids.senegalDraft = await createNeed(senegal, { title: 'Senegal draft', visibility: 'PUBLIC' });
    });

    const visibleTitles = async (token?: string) =>
      titlesOf(await listAll({ region: '011', search: 'draft' }, token)).concat(
        titlesOf(await listAll({ countryIso3: 'MLI', status: ['OPEN'] }, token)),
      );

    it('shows anonymous callers only published PUBLIC needs', async () => {
      expect(await visibleTitles()).toEqual(['Mali public']);
      expect(errorCode(await t.gql(NEED, { id: ids.DONORS }))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(NEED, { id: ids.draft }))).toBe('NOT_FOUND');
      expect(dataOf(await t.gql(NEED, { id: ids.PUBLIC })).need.title).toBe('Mali public');
    });

    it('shows donors published PUBLIC and DONORS needs, never drafts or SECRETARIAT ones', async () => {
      expect(await visibleTitles(donor.token)).toEqual(['Mali donors', 'Mali public']);
      expect(errorCode(await t.gql(NEED, { id: ids.SECRETARIAT }, donor.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(NEED, { id: ids.draft }, donor.token))).toBe('NOT_FOUND');
    });

    it("shows a state all of its own needs, and only other states' published PUBLIC ones", async () => {
      expect(await visibleTitles(mali.token)).toEqual(['Mali draft', 'Mali donors', 'Mali public', 'Mali secretariat']);
      expect(await visibleTitles(senegal.token)).toEqual(['Senegal draft', 'Mali public']);
      expect(errorCode(await t.gql(NEED, { id: ids.draft }, senegal.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(NEED, { id: ids.senegalDraft }, mali.token))).toBe('NOT_FOUND');
      expect(dataOf(await t.gql(NEED, { id: ids.senegalDraft }, senegal.token)).need.status).toBe('DRAFT');
    });

    it('shows the Secretariat everything', async () => {
      expect(await visibleTitles(secretariat.token)).toEqual([
        'Mali draft',
        'Senegal draft',
        'Mali donors',
        'Mali public',
        'Mali secretariat',
      ]);
    });
  });

  describe('filters and pages', () => {
    const marker = 'Lattice';
    const titles: Record<string, string> = {};

    beforeAll(async () => {
      const file = async (key: string, countryIso3: string, themeCodes: string[], extra: Record<string, unknown> = {}) => {
        titles[key] = `${marker} ${key}`;
        return createNeed(secretariat, { countryIso3, themeCodes, title: titles[key], ...extra });
      };
      const togoMarking = await file('togo marking', 'TGO', ['MARKING']);
      await publish(secretariat, togoMarking);
      await publish(secretariat, await file('kenya gender', 'KEN', ['GENDER']));
      await file('france law', 'FRA', ['LEGISLATION'], { description: 'Drafting a firearms act with 100% coverage of brokers.' });
      const brazil = await file('brazil tracing', 'BRA', ['STOCKPILE_MANAGEMENT', 'TRACING']);
      await publish(secretariat, brazil);
      dataOf(await t.gql(WITHDRAW_NEED, { id: brazil, reason: 'Covered elsewhere' }, secretariat.token));
      await file('togo ddr', 'TGO', ['DDR']);
    });

    const filtered = async (filter: Record<string, unknown>) => titlesOf(await listAll({ search: marker, ...filter }, secretariat.token));
    const expected = (...keys: string[]) => keys.map((key) => titles[key]).sort();

    it('filters by country, in any letter case', async () => {
      expect(await filtered({ countryIso3: 'TGO' })).toEqual(expected('togo marking', 'togo ddr'));
      expect(await filtered({ countryIso3: 'tgo' })).toEqual(expected('togo marking', 'togo ddr'));
    });

    it('filters by M49 region, sub-region and intermediate region', async () => {
      expect(await filtered({ region: '002' })).toEqual(expected('togo marking', 'kenya gender', 'togo ddr'));
      expect(await filtered({ region: '202' })).toEqual(expected('togo marking', 'kenya gender', 'togo ddr'));
      expect(await filtered({ region: '011' })).toEqual(expected('togo marking', 'togo ddr'));
      expect(await filtered({ region: '014' })).toEqual(expected('kenya gender'));
      expect(await filtered({ region: '150' })).toEqual(expected('france law'));
      expect(await filtered({ region: '419' })).toEqual(expected('brazil tracing'));
      expect(await filtered({ region: '005' })).toEqual(expected('brazil tracing'));
    });

    it('filters by themes, a group code standing for its themes', async () => {
      expect(await filtered({ themeCodes: ['WEAPONS_AMMUNITION_MANAGEMENT'] })).toEqual(expected('togo marking', 'brazil tracing'));
      expect(await filtered({ themeCodes: ['GENDER', 'DDR'] })).toEqual(expected('kenya gender', 'togo ddr'));
      expect(await filtered({ themeCodes: ['CROSS_CUTTING', 'LEGISLATION'] })).toEqual(expected('kenya gender', 'togo ddr', 'france law'));
    });

    it('filters by status and combines filters', async () => {
      expect(await filtered({ status: ['DRAFT'] })).toEqual(expected('france law', 'togo ddr'));
      expect(await filtered({ status: ['OPEN', 'WITHDRAWN'] })).toEqual(expected('togo marking', 'kenya gender', 'brazil tracing'));
      expect(await filtered({ status: ['OPEN'], region: '011' })).toEqual(expected('togo marking'));
    });

    it('searches titles and descriptions without case, taking % and _ literally', async () => {
      expect(titlesOf(await listAll({ search: 'lattice KENYA' }, secretariat.token))).toEqual(expected('kenya gender'));
      expect(titlesOf(await listAll({ search: 'FIREARMS act' }, secretariat.token))).toEqual(expected('france law'));
      expect(titlesOf(await listAll({ search: '100%' }, secretariat.token))).toEqual(expected('france law'));
      expect(await listAll({ search: '%' }, secretariat.token)).toHaveLength(1);
      expect(await listAll({ search: 'lattice_' }, secretariat.token)).toHaveLength(0);
    });

    it('refuses unknown codes and malformed filters, naming the field', async () => {
      const refused = async (filter: Record<string, unknown>) => badInputFields(await t.gql(NEEDS, { filter }, secretariat.token));
      expect(await refused({ region: '999' })).toEqual(['filter.region']);
      expect(await refused({ region: 'Africa' })).toEqual(['filter.region']);
      expect(await refused({ themeCodes: ['NOPE'] })).toEqual(['filter.themeCodes']);
      expect(await refused({ countryIso3: 'NIGERIA' })).toEqual(['filter.countryIso3']);
      expect(await refused({ countryIso3: 'ZZZ' })).toEqual(['filter.countryIso3']);
      expect(await refused({ status: ['LOST'] })).toEqual(['filter.status[0]']);
      expect(await refused({ search: '' })).toEqual(['filter.search']);
    });

    it('walks every page once with first/after, reporting the total on each page', async () => {
      const verde = await stateAccount(t, 'CPV');
      const created = new Set<string>();
      for (let index = 0; index < 12; index++) created.add(await createNeed(verde, { title: `Page walk ${index}` }));
      const seen: string[] = [];
      let after: string | null = null;
      const pages: boolean[] = [];
      do {
        const page: NeedsPage['needs'] = dataOf(
          await t.gql<NeedsPage>(NEEDS, { filter: { countryIso3: 'CPV' }, first: 5, after }, verde.token),
        ).needs;
        expect(page.totalCount).toBe(12);
        expect(page.edges.length).toBe(pages.length < 2 ? 5 : 2);
        seen.push(...page.edges.map((edge) => edge.node.id));
        pages.push(page.pageInfo.hasNextPage);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(pages).toEqual([true, true, false]);
      expect(seen).toHaveLength(12);
      expect(new Set(seen)).toEqual(created);
      const newest = dataOf(await t.gql<NeedsPage>(NEEDS, { filter: { countryIso3: 'CPV' }, first: 3 }, verde.token)).needs.edges;
      expect(newest.map((edge) => edge.node.title)).toEqual(['Page walk 11', 'Page walk 10', 'Page walk 9']);
    });

    it('refuses pages above 100 or below 1 and cursors it did not make', async () => {
      expect(badInputFields(await t.gql(NEEDS, { first: 101 }))).toEqual(['first']);
      expect(badInputFields(await t.gql(NEEDS, { first: 0 }))).toEqual(['first']);
      expect(badInputFields(await t.gql(NEEDS, { after: 'not-a-cursor' }))).toEqual(['after']);
      expect(dataOf(await t.gql<NeedsPage>(NEEDS, { first: 100 })).needs.edges.length).toBeLessThanOrEqual(100);
    });
  });
  describe('budget range and sort', () => {
    const marker = 'Quillwort';
    const SORTED = `
      query SortedNeeds($filter: NeedFilter, $sort: NeedSort, $first: Int, $after: String) {
        needs(filter: $filter, sort: $sort, first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id title estimatedBudgetUsd fundedUsd } }
        }
      }`;
    interface SortedPage {
      needs: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { title: string } }[] };
    }
    /** Budget and the dollars approved so far, per need; the equal twins make ties that every page must break the same way. */
    const specs: Record<string, { budget: number; funded: number }> = {
      small: { budget: 10_000, funded: 0 },
      large: { budget: 900_000, funded: 450_000 },
      'medium a': { budget: 200_000, funded: 150_000 },
      'medium b': { budget: 200_000, funded: 20_000 },
      'no budget': { budget: 0, funded: 0 },
      'equal 1': { budget: 50_000, funded: 25_000 },
      'equal 2': { budget: 50_000, funded: 25_000 },
    };

    beforeAll(async () => {
      const dataSource = t.app.get(DataSource);
      const setFunded =
        dataSource.options.type === 'postgres'
          ? 'UPDATE needs SET funded_usd = $1 WHERE id = $2'
          : 'UPDATE needs SET funded_usd = ? WHERE id = ?';
      for (const [key, { budget, funded }] of Object.entries(specs)) {
        const id = await createNeed(secretariat, { countryIso3: 'SEN', title: `${marker} ${key}`, estimatedBudgetUsd: budget });
        await publish(secretariat, id);
        // Money arrives through approved pairings (pairings.e2e-spec.ts); written directly here, where only the order is tested.
        await dataSource.query(setFunded, [funded, id]);
      }
    });

    /** Keys in the list's order, walking pages of `first`; fails on a repeated node. */
    async function ordered(sort: string | undefined, filter: Record<string, unknown> = {}, first = 100): Promise<string[]> {
      const keys: string[] = [];
      let after: string | null = null;
      do {
        const page: SortedPage['needs'] = dataOf(
          await t.gql<SortedPage>(SORTED, { filter: { search: marker, ...filter }, sort, first, after }, donor.token),
        ).needs;
        keys.push(...page.edges.map((edge) => edge.node.title.slice(marker.length + 1)));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(new Set(keys).size).toBe(keys.length);
      return keys;
    }

    /** The newest-first list reordered by `key`, ties kept newest first: the order each sort promises. */
    const expectedOrder = (newest: string[], key: (spec: { budget: number; funded: number }) => number) =>
      [...newest].sort((a, b) => key(specs[a]) - key(specs[b]));
    const share = ({ budget, funded }: { budget: number; funded: number }) => (budget > 0 ? funded / budget : 0);

    it('keeps needs whose budget lies within the range, both ends included', async () => {
      expect((await ordered(undefined, { minBudgetUsd: 50_000, maxBudgetUsd: 200_000 })).sort()).toEqual([
        'equal 1',
        'equal 2',
        'medium a',
        'medium b',
      ]);
      expect((await ordered(undefined, { minBudgetUsd: 200_001 })).sort()).toEqual(['large']);
      expect((await ordered(undefined, { maxBudgetUsd: 0 })).sort()).toEqual(['no budget']);
      expect((await ordered(undefined, { minBudgetUsd: 50_000, maxBudgetUsd: 50_000 })).sort()).toEqual(['equal 1', 'equal 2']);
    });

    it('refuses a range upside down or out of bounds, naming the field, and an unknown order', async () => {
      const refused = async (filter: Record<string, unknown>) => badInputFields(await t.gql(SORTED, { filter }, donor.token));
      expect(await refused({ minBudgetUsd: 10, maxBudgetUsd: 9 })).toEqual(['filter.maxBudgetUsd']);
      expect(await refused({ minBudgetUsd: -1 })).toEqual(['filter.minBudgetUsd']);
      expect(await refused({ maxBudgetUsd: 1_000_000_001 })).toEqual(['filter.maxBudgetUsd']);
      expect(errorCode(await t.gql(SORTED, { sort: 'CHEAPEST' }, donor.token))).toBe('BAD_USER_INPUT');
    });

    it('defaults to newest first, as NEWEST says', async () => {
      const newest = await ordered('NEWEST');
      expect(newest.slice().sort()).toEqual(Object.keys(specs).sort());
      expect(newest[newest.length - 1]).toBe('small');
      expect(await ordered(undefined)).toEqual(newest);
    });

    it('sorts by budget either way and least funded first by share, ties newest first', async () => {
      const newest = await ordered('NEWEST');
      expect(await ordered('BUDGET_HIGH_FIRST')).toEqual(expectedOrder(newest, (spec) => -spec.budget));
      expect(await ordered('BUDGET_LOW_FIRST')).toEqual(expectedOrder(newest, (spec) => spec.budget));
      const leastFunded = await ordered('LEAST_FUNDED_FIRST');
      expect(leastFunded).toEqual(expectedOrder(newest, share));
      expect(leastFunded[leastFunded.length - 1]).toBe('medium a');
    });

    it('walks every order page by page to the same sequence as one long page', async () => {
      for (const sort of ['NEWEST', 'BUDGET_HIGH_FIRST', 'BUDGET_LOW_FIRST', 'LEAST_FUNDED_FIRST']) {
        expect({ sort, keys: await ordered(sort, {}, 2) }).toEqual({ sort, keys: await ordered(sort) });
      }
    });

    it('combines the range with the sort and the other filters, counting only what matches', async () => {
      const newest = await ordered('NEWEST');
      const page = dataOf(
        await t.gql<SortedPage>(
          SORTED,
          { filter: { search: marker, countryIso3: 'SEN', minBudgetUsd: 1, status: ['OPEN'] }, sort: 'BUDGET_LOW_FIRST', first: 3 },
          donor.token,
        ),
      ).needs;
      expect(page.totalCount).toBe(6);
      expect(page.pageInfo.hasNextPage).toBe(true);
      const cheapest = expectedOrder(newest, (spec) => spec.budget)
        .filter((key) => specs[key].budget >= 1)
        .slice(0, 3);
      expect(page.edges.map((edge) => edge.node.title)).toEqual(cheapest.map((key) => `${marker} ${key}`));
    });
  });
});
