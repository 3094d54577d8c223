import { DataSource } from 'typeorm';
import { cycleOfDate, defaultValidUntil, latestValidUntil } from '../src/domain/reporting-cycles';
import { Need } from '../src/needs/entities/need.entity';
import { NeedReconfirmation } from '../src/notifications/periodic/need-reconfirmation';
import { engineIdle, pairMatch, publishedNeed, publishedOffer } from './support/matching-helpers';
import { errorCode, startTestApp, TestApp } from './support/test-app';
import {
  Account,
  auditTrail,
  badInputFields,
  dataOf,
  donorAccount,
  needInput,
  notificationsOf,
  secretariatAccount,
  stateAccount,
} from './support/fixtures';

const CYCLES = `query($fromYear: Int, $toYear: Int) {
  reportingCycles(fromYear: $fromYear, toYear: $toYear) { code kind number year reportingDeadline startsOn endsOn }
}`;
const NEED = `query($id: ID!) { need(id: $id) { id status version validUntil confirmedAt cycle { code year } } }`;
const RECONFIRM = `mutation($id: ID!, $expectedVersion: Int) {
  reconfirmNeed(id: $id, expectedVersion: $expectedVersion) { id status version validUntil confirmedAt cycle { code } }
}`;
const DAY_MS = 24 * 60 * 60 * 1000;

interface NeedView {
  id: string;
  status: string;
  version: number;
  validUntil: string;
  confirmedAt: string | null;
  cycle: { code: string; year: number };
}

describe('reporting cycles of needs: the cycle filed in, validity, reconfirmation and STALE needs', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let secretariat: Account;
  let nigeria: Account;
  let ghana: Account;
  let donor: Account;

  beforeAll(async () => {
    t = await startTestApp({ MATCH_TOP_K: '1000', MATCH_MIN_SCORE: '0' });
    dataSource = t.app.get(DataSource);
    secretariat = await secretariatAccount(t);
    nigeria = await stateAccount(t, 'NGA');
    ghana = await stateAccount(t, 'GHA');
    donor = await donorAccount(t);
  });
  afterAll(() => t.close());

  const needAs = async (token: string | undefined, id: string) => t.gql<{ need: NeedView }>(NEED, { id }, token);
  const reconfirm = (token: string, id: string, expectedVersion?: number) =>
    t.gql<{ reconfirmNeed: NeedView }>(RECONFIRM, { id, expectedVersion }, token);
  const reconfirmationNotices = (reader: Account) => notificationsOf(t, reader, 'NEED_RECONFIRMATION_DUE');
  const runDailyJob = () => t.app.get(NeedReconfirmation).run();
  const setNeed = (id: string, fields: Partial<Pick<Need, 'validUntil' | 'confirmedAt'>>) =>
    dataSource.getRepository(Need).update(id, fields);

  describe('reportingCycles', () => {
    it('lists the meetings held, BMS8 in 2022, RevCon4 in 2024 and BMS9 in 2026, and those after them by the rule, to anyone', async () => {
      const { reportingCycles } = dataOf(await t.gql(CYCLES, { fromYear: 2021, toYear: 2030 }));
      expect(reportingCycles).toEqual([
        {
          code: 'BMS7',
          kind: 'BIENNIAL_MEETING',
          number: 7,
          year: 2021,
          reportingDeadline: '2021-03-31',
          startsOn: '2019-01-01',
          endsOn: '2021-12-31',
        },
        {
          code: 'BMS8',
          kind: 'BIENNIAL_MEETING',
          number: 8,
          year: 2022,
          reportingDeadline: '2022-03-31',
          startsOn: '2022-01-01',
          endsOn: '2022-12-31',
        },
        {
          code: 'RevCon4',
          kind: 'REVIEW_CONFERENCE',
          number: 4,
          year: 2024,
          reportingDeadline: '2024-03-31',
          startsOn: '2023-01-01',
          endsOn: '2024-12-31',
        },
        {
          code: 'BMS9',
          kind: 'BIENNIAL_MEETING',
          number: 9,
          year: 2026,
          reportingDeadline: '2026-03-31',
          startsOn: '2025-01-01',
          endsOn: '2026-12-31',
        },
        {
          code: 'BMS10',
          kind: 'BIENNIAL_MEETING',
          number: 10,
          year: 2028,
          reportingDeadline: '2028-03-31',
          startsOn: '2027-01-01',
          endsOn: '2028-12-31',
        },
        {
          code: 'RevCon5',
          kind: 'REVIEW_CONFERENCE',
          number: 5,
          year: 2030,
          reportingDeadline: '2030-03-31',
          startsOn: '2029-01-01',
          endsOn: '2030-12-31',
        },
      ]);
    });

    it('lists from the first cycle through the one after the current one when no years are given', async () => {
      const codes = dataOf(await t.gql<{ reportingCycles: { code: string }[] }>(CYCLES)).reportingCycles.map((cycle) => cycle.code);
      expect(codes[0]).toBe('BMS1');
      const current = cycleOfDate(new Date());
      expect(codes.slice(-2)).toEqual([current.code, expect.any(String)]);
    });

    it('refuses a reversed or too wide range, naming toYear', async () => {
      expect(badInputFields(await t.gql(CYCLES, { fromYear: 2030, toYear: 2020 }))).toEqual(['toYear']);
      expect(badInputFields(await t.gql(CYCLES, { fromYear: 2001, toYear: 2500 }))).toEqual(['toYear']);
    });
  });

  describe('the cycle and validity of a new need', () => {
    it('puts a need filed by hand in the current cycle, valid to the end of the next, confirmed when published', async () => {
      const created = dataOf(
        await t.gql<{ createNeed: NeedView }>(
          'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id status version validUntil confirmedAt cycle { code year } } }',
          { input: needInput() },
          nigeria.token,
        ),
      ).createNeed;
      const current = cycleOfDate(new Date());
      expect(created).toMatchObject({
        validUntil: defaultValidUntil(new Date()),
        confirmedAt: null,
        cycle: { code: current.code, year: current.year },
      });
      const published = dataOf(
        await t.gql<{ publishNeed: NeedView }>(
          'mutation($id: ID!) { publishNeed(id: $id) { status confirmedAt } }',
          { id: created.id },
          nigeria.token,
        ),
      ).publishNeed;
      expect(published.status).toBe('OPEN');
      expect(published.confirmedAt).not.toBeNull();
    });

    const CREATE = 'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id validUntil } }';
    const UPDATE = 'mutation($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id validUntil } }';
    const dayFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
    const storedValidUntil = async (id: string) => (await dataSource.getRepository(Need).findOneByOrFail({ id })).validUntil;
    const needCount = () => dataSource.getRepository(Need).count();

    it('keeps the validUntil its state chose when filing, up to the end of the cycle after next', async () => {
      for (const chosen of [dayFromNow(40), latestValidUntil(new Date())]) {
        const created = dataOf(
          await t.gql<{ createNeed: { id: string; validUntil: string } }>(
            CREATE,
            { input: needInput({ validUntil: chosen }) },
            nigeria.token,
          ),
        ).createNeed;
        expect(created.validUntil).toBe(chosen);
        expect(await storedValidUntil(created.id)).toBe(chosen);
      }
    });

    it('refuses a chosen validUntil of today or before, or after the end of the cycle after next, naming the field and filing nothing', async () => {
      const before = await needCount();
      const tooLate = new Date(new Date(`${latestValidUntil(new Date())}T00:00:00Z`).getTime() + DAY_MS).toISOString().slice(0, 10);
      for (const refused of [dayFromNow(0), dayFromNow(-3), tooLate]) {
        expect(badInputFields(await t.gql(CREATE, { input: needInput({ validUntil: refused }) }, nigeria.token))).toEqual([
          'input.validUntil',
        ]);
      }
      expect(await needCount()).toBe(before);
    });

    it('changes validUntil on an update as chosen, audited, refuses a bad one unchanged, and sets the default again for null', async () => {
      const { id } = dataOf(await t.gql<{ createNeed: { id: string } }>(CREATE, { input: needInput() }, nigeria.token)).createNeed;
      const chosen = dayFromNow(60);
      expect(
        dataOf(await t.gql<{ updateNeed: { validUntil: string } }>(UPDATE, { id, input: { validUntil: chosen } }, secretariat.token))
          .updateNeed.validUntil,
      ).toBe(chosen);
      const update = (await auditTrail(t, id)).find((event) => event.action === 'need.update')!;
      expect(update.detail).toEqual({ changes: { validUntil: { from: defaultValidUntil(new Date()), to: chosen } } });
      expect(badInputFields(await t.gql(UPDATE, { id, input: { validUntil: dayFromNow(-1) } }, nigeria.token))).toEqual([
        'input.validUntil',
      ]);
      expect(await storedValidUntil(id)).toBe(chosen);
      expect(
        dataOf(await t.gql<{ updateNeed: { validUntil: string } }>(UPDATE, { id, input: { validUntil: null } }, nigeria.token)).updateNeed
          .validUntil,
      ).toBe(defaultValidUntil(new Date()));
    });

    it("puts a need drawn from a national report in the report's cycle", async () => {
      const imported = await t.gql<{ importNationalReport: { draftNeeds: { id: string }[] } }>(
        'mutation($input: ImportNationalReportInput!) { importNationalReport(input: $input) { draftNeeds { id } } }',
        {
          input: {
            year: 2022,
            instrument: 'POA',
            text: 'We request training for customs officers to detect illicit small arms at border crossings.',
          },
        },
        ghana.token,
      );
      const [draft] = dataOf(imported).importNationalReport.draftNeeds;
      expect(dataOf(await needAs(ghana.token, draft.id)).need.cycle).toEqual({ code: 'BMS8', year: 2022 });
    });
  });

  describe('a need not reconfirmed in time', () => {
    let needId: string;
    let offerId: string;

    beforeAll(async () => {
      needId = await publishedNeed(t, nigeria.token, { title: 'Armoury doors, soon stale' });
      offerId = await publishedOffer(t, donor.token);
      await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED');
      await setNeed(needId, { validUntil: new Date(Date.now() - 2 * DAY_MS).toISOString().slice(0, 10) });
      await runDailyJob();
      await runDailyJob();
    });

    it('becomes STALE once, as the platform’s audited doing, and leaves matching', async () => {
      expect(dataOf(await needAs(nigeria.token, needId)).need.status).toBe('STALE');
      const stale = (await auditTrail(t, needId)).filter((event) => event.action === 'need.stale');
      expect(stale).toHaveLength(1);
      expect(stale[0]).toMatchObject({ actor: null, detail: { from: 'OPEN', to: 'STALE' } });
      await pairMatch(t, secretariat.token, needId, offerId, 'SUPERSEDED');
    });

    it('is out of donors’ sight, and of everyone’s but its state and the Secretariat', async () => {
      expect(errorCode(await needAs(donor.token, needId))).toBe('NOT_FOUND');
      expect(errorCode(await needAs(ghana.token, needId))).toBe('NOT_FOUND');
      expect(dataOf(await needAs(secretariat.token, needId)).need.status).toBe('STALE');
      const listed = dataOf(
        await t.gql<{ needs: { edges: { node: { id: string } }[] } }>('{ needs(first: 100) { edges { node { id } } } }', {}, donor.token),
      );
      expect(listed.needs.edges.map((edge) => edge.node.id)).not.toContain(needId);
    });

    it('is renewed only by its state or the Secretariat, at the version read', async () => {
      const { version } = dataOf(await needAs(nigeria.token, needId)).need;
      expect(errorCode(await reconfirm(donor.token, needId, version))).toBe('FORBIDDEN');
      expect(errorCode(await reconfirm(ghana.token, needId, version))).toBe('NOT_FOUND');
      expect(errorCode(await reconfirm(nigeria.token, needId, version - 1))).toBe('CONFLICT');
      expect(dataOf(await needAs(nigeria.token, needId)).need).toMatchObject({ status: 'STALE', version });
    });

    it('is published again by reconfirmNeed, valid to the end of the next cycle, its history kept, and matched again', async () => {
      const { version } = dataOf(await needAs(nigeria.token, needId)).need;
      const renewed = dataOf(await reconfirm(nigeria.token, needId, version)).reconfirmNeed;
      expect(renewed).toMatchObject({ id: needId, status: 'OPEN', version: version + 1, validUntil: defaultValidUntil(new Date()) });
      const actions = (await auditTrail(t, needId)).map((event) => event.action);
      expect(actions).toEqual(expect.arrayContaining(['need.create', 'need.publish', 'need.stale', 'need.reconfirm']));
      const renewal = (await auditTrail(t, needId)).find((event) => event.action === 'need.reconfirm')!;
      expect(renewal).toMatchObject({
        actor: { email: nigeria.email },
        detail: { from: 'STALE', to: 'OPEN', validUntilAfter: renewed.validUntil },
      });
      expect(dataOf(await needAs(donor.token, needId)).need.status).toBe('OPEN');
      await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED');
    });

    it('refuses to reconfirm a draft', async () => {
      const draft = dataOf(
        await t.gql<{ createNeed: { id: string } }>(
          'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
          { input: needInput() },
          nigeria.token,
        ),
      ).createNeed;
      expect(errorCode(await reconfirm(nigeria.token, draft.id))).toBe('CONFLICT');
    });
  });

  describe('reminders to reconfirm', () => {
    it('asks the state a year after publication and 30 days before expiry, once per need and day, and no one else', async () => {
      await engineIdle(dataSource);
      const yearOld = await publishedNeed(t, ghana.token, { title: 'Published a year ago' });
      const expiring = await publishedNeed(t, ghana.token, { title: 'Expiring soon' });
      const fresh = await publishedNeed(t, ghana.token, { title: 'Just published' });
      await setNeed(yearOld, { confirmedAt: new Date(Date.now() - 370 * DAY_MS) });
      const expiresOn = new Date(Date.now() + 10 * DAY_MS).toISOString().slice(0, 10);
      await setNeed(expiring, { validUntil: expiresOn });

      await runDailyJob();
      await runDailyJob();

      const notices = await reconfirmationNotices(ghana);
      expect(notices.map((notice) => notice.needId).sort()).toEqual([expiring, yearOld].sort());
      expect(notices.map((notice) => notice.needId)).not.toContain(fresh);
      const soon = notices.find((notice) => notice.needId === expiring)!;
      expect(soon.title).toBe('Please reconfirm your need');
      expect(soon.body).toContain('Expiring soon');
      for (const outsider of [nigeria, donor, secretariat]) {
        expect(
          (await reconfirmationNotices(outsider)).filter((notice) => notice.needId !== null && [yearOld, expiring].includes(notice.needId)),
        ).toEqual([]);
      }

      // Reconfirmed, the need is asked again only when its new days come.
      const { version } = dataOf(await needAs(ghana.token, yearOld)).need;
      dataOf(await reconfirm(ghana.token, yearOld, version));
      await runDailyJob();
      expect((await reconfirmationNotices(ghana)).filter((notice) => notice.needId === yearOld)).toHaveLength(1);
    });
  });
});
