import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { Match } from '../src/matching/entities/match.entity';
import { MatchStatus } from '../src/domain/statuses';
import {
  Account,
  badInputFields,
  contractOperation,
  dataOf,
  donorAccount,
  needInput,
  offerInput,
  secretariatAccount,
  stateAccount,
} from './support/fixtures';
import { iatiRuleViolations, readActivities, schemaErrors } from './support/iati-rules';
import { engineIdle, proposalRow } from './support/matching-helpers';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const SET_IATI_REFERENCE = `mutation($donorId: ID!, $ref: String) { setDonorIatiReference(donorId: $donorId, iatiOrganisationRef: $ref) { id iatiOrganisationRef } }`;
const BOM = '\uFEFF';

interface Download {
  status: number;
  type: string | null;
  disposition: string | null;
  text: string;
}

describe('exports: IATI activities and CSV downloads', () => {
  let t: TestApp;
  let base: string;
  let dataSource: DataSource;
  let secretariat: Account;
  let nigeria: Account;
  let ghana: Account;
  let donor: Account & { donorId: string };
  let otherDonor: Account & { donorId: string };
  const ids: Record<string, string> = {};

  async function get(path: string, token?: string): Promise<Download> {
    const send = () => fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    // A kept-alive connection the server closes after 5 idle seconds (while a test writes rows) can be
    // reset as the request leaves; a GET is safe to send again. A failure within a body is never retried.
    const response = await send().catch(send);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      // The BOM is kept: the tests check it is there.
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()),
    };
  }

  const rows = (download: Download): Record<string, string>[] => parse(download.text, { bom: true, columns: true });
  const errorOf = (download: Download) =>
    JSON.parse(download.text).error as { code: string; message: string; fields?: { field: string }[] };

  async function publishedNeed(state: Account, overrides: Record<string, unknown>): Promise<string> {
    const { createNeed } = dataOf(await t.gql(contractOperation('CreateNeed'), { input: needInput(overrides) }, state.token));
    dataOf(await t.gql(contractOperation('PublishNeed'), { id: createNeed.id }, state.token));
    return createNeed.id;
  }

  async function publishedOffer(owner: Account): Promise<string> {
    const { createOffer } = dataOf(await t.gql(contractOperation('CreateOffer'), { input: offerInput() }, owner.token));
    dataOf(await t.gql(contractOperation('PublishOffer'), { id: createOffer.id }, owner.token));
    return createOffer.id;
  }

  /** A proposal stored as the engine would store it (the engine proposes nothing here: MATCH_MIN_SCORE is 1). */
  async function proposal(needId: string, offerId: string, score: number): Promise<string> {
    // Scoring the published need or offer afterwards would supersede the stored proposal.
    await engineIdle(dataSource);
    const matches = dataSource.getRepository(Match);
    const match = matches.create(
      proposalRow(needId, offerId, { score, explanation: '@SUM(1+1) is what a hostile explanation would look like' }),
    );
    await matches.save(match);
    return match.id;
  }

  async function approved(matchId: string, allocatedUsd: number): Promise<void> {
    dataOf(await t.gql(contractOperation('ApproveMatch'), { id: matchId, allocatedUsd, expectedVersion: 1 }, secretariat.token));
  }

  const confirmed = async (matchId: string, state: Account) =>
    dataOf(await t.gql(contractOperation('ConfirmMatch'), { id: matchId }, state.token));
  const reported = async (matchId: string, party: Account, input: Record<string, unknown>) =>
    dataOf(
      await t.gql(
        contractOperation('AddProgressReport'),
        { matchId, input: { narrative: 'Armouries fitted with new doors and alarms.', ...input } },
        party.token,
      ),
    );

  async function backdateDecision(matchId: string, action: string, at: string): Promise<void> {
    await dataSource.getRepository(AuditEvent).update({ entityId: matchId, action }, { at: new Date(at) });
  }

  beforeAll(async () => {
    t = await startTestApp({ MATCH_MIN_SCORE: '1' });
    base = t.url.replace(/\/graphql$/, '');
    dataSource = t.app.get(DataSource);
    [secretariat, nigeria, ghana, donor, otherDonor] = await Promise.all([
      secretariatAccount(t),
      stateAccount(t, 'NGA'),
      stateAccount(t, 'GHA'),
      donorAccount(t, 'Federal Foreign Office'),
      donorAccount(t, 'Second Donor'),
    ]);
    ids.genderNeed = await publishedNeed(nigeria, {
      visibility: 'PUBLIC',
      genderComponent: true,
      estimatedBudgetUsd: 300000,
      startDate: '2025-01-01',
      endDate: '2027-06-30',
    });
    ids.ghanaNeed = await publishedNeed(ghana, {
      visibility: 'PUBLIC',
      title: '=HYPERLINK("http://evil.example","click")',
      description: 'Les femmes participent à la conception du programme de marquage des armes et de tenue des registres.',
      themeCodes: ['GENDER', 'MARKING'],
      estimatedBudgetUsd: 80000,
    });
    ids.donorsOnlyNeed = await publishedNeed(nigeria, {
      title: '+Secret donors-only need',
      visibility: 'DONORS',
      estimatedBudgetUsd: 50000,
    });
    ids.draftNeed = dataOf(
      await t.gql(contractOperation('CreateNeed'), { input: needInput({ title: '-draft of Nigeria' }) }, nigeria.token),
    ).createNeed.id;
    ids.offer = await publishedOffer(donor);
    ids.otherOffer = await publishedOffer(otherDonor);

    ids.completedPairing = await proposal(ids.genderNeed, ids.offer, 0.9);
    await approved(ids.completedPairing, 120000);
    await confirmed(ids.completedPairing, nigeria);
    // Decided at the end of 2024, so the reports of 2025 and 2026 follow the confirmation.
    await backdateDecision(ids.completedPairing, 'match.approve', '2024-12-10T09:00:00Z');
    await backdateDecision(ids.completedPairing, 'match.confirm', '2024-12-20T09:00:00Z');
    await reported(ids.completedPairing, donor, { periodEnd: '2025-06-30', disbursedUsd: 40000 });
    await reported(ids.completedPairing, nigeria, { periodEnd: '2025-12-31', disbursedUsd: 0 });
    await reported(ids.completedPairing, nigeria, { periodEnd: '2026-03-31', disbursedUsd: 60000, completed: true });

    ids.confirmedPairing = await proposal(ids.ghanaNeed, ids.offer, 0.8);
    await approved(ids.confirmedPairing, 30000);
    await confirmed(ids.confirmedPairing, ghana);

    ids.approvedOnly = await proposal(ids.donorsOnlyNeed, ids.offer, 0.7);
    await approved(ids.approvedOnly, 10000);
    ids.otherDonorPairing = await proposal(ids.genderNeed, ids.otherOffer, 0.6);
    await approved(ids.otherDonorPairing, 20000);
    await confirmed(ids.otherDonorPairing, nigeria);
    ids.proposedOnly = await proposal(ids.ghanaNeed, ids.otherOffer, 0.5);

    dataOf(await t.gql(SET_IATI_REFERENCE, { donorId: donor.donorId, ref: 'XM-DAC-5-7' }, secretariat.token));
  });
  afterAll(() => t.close());

  describe('the IATI organisation reference', () => {
    it('is set by the Secretariat, validated to the IATI pattern and audited', async () => {
      const bad = await t.gql(SET_IATI_REFERENCE, { donorId: otherDonor.donorId, ref: 'not an org id' }, secretariat.token);
      expect(badInputFields(bad)).toEqual(['iatiOrganisationRef']);
      expect(errorCode(await t.gql(SET_IATI_REFERENCE, { donorId: otherDonor.donorId, ref: 'GB-GOV-1' }, otherDonor.token))).toBe(
        'FORBIDDEN',
      );
      const trail = dataOf(await t.gql(contractOperation('AuditTrail'), { entityId: donor.donorId }, t.adminToken)).auditEvents as {
        action: string;
        detail: unknown;
      }[];
      expect(trail.find((event) => event.action === 'donor.set_iati_reference')?.detail).toEqual({ from: null, to: 'XM-DAC-5-7' });
    });
  });

  describe('GET /exports/iati/activities.xml', () => {
    it('gives a donor its own confirmed pairings as IATI 2.03 activities that the official schema accepts', async () => {
      const download = await get('/exports/iati/activities.xml', donor.token);
      expect(download.status).toBe(200);
      expect(download.type).toMatch(/^application\/xml/);
      expect(schemaErrors(download.text)).toBe('');
      expect(iatiRuleViolations(download.text)).toEqual([]);

      const { reportingRefs, activities } = readActivities(download.text);
      expect(reportingRefs).toEqual(['XM-DAC-5-7', 'XM-DAC-5-7']);
      expect(activities.map((activity) => activity.identifier).sort()).toEqual(
        [ids.completedPairing, ids.confirmedPairing].map((id) => `XM-DAC-5-7-${id}`).sort(),
      );
      const completed = activities.find((activity) => activity.identifier.endsWith(ids.completedPairing))!;
      expect(completed).toMatchObject({
        status: '3',
        recipientCountry: 'NG',
        titleLanguage: 'en',
        title: 'Stockpile security for police armouries',
        genderSignificance: '1',
      });
      expect(completed.dates).toEqual({ '1': '2025-01-01', '2': '2024-12-20', '3': '2027-06-30', '4': '2026-03-31' });
      expect(completed.participating).toEqual([
        { role: '1', ref: 'XM-DAC-5-7', name: 'Federal Foreign Office' },
        { role: '4', ref: null, name: 'Government of Nigeria' },
      ]);
      expect(completed.budgets.map((budget) => budget.start)).toEqual(['2025-01-01', '2026-01-01', '2027-01-01']);
      expect(completed.budgets.reduce((sum, budget) => sum + budget.usd, 0)).toBe(120000);
      expect(completed.transactions.map(({ type, date, usd }) => ({ type, date, usd }))).toEqual([
        { type: '2', date: '2024-12-10', usd: 120000 },
        { type: '3', date: '2025-06-30', usd: 40000 },
        { type: '3', date: '2026-03-31', usd: 60000 },
      ]);

      const confirmed = activities.find((activity) => activity.identifier.endsWith(ids.confirmedPairing))!;
      expect(confirmed).toMatchObject({ status: '1', recipientCountry: 'GH', genderSignificance: '2', titleLanguage: 'fr' });
      expect(confirmed.transactions.map((transaction) => transaction.type)).toEqual(['2']);
    });

    it('lets the Secretariat name the donor, and refuses everyone else with a clear body', async () => {
      const asSecretariat = await get(`/exports/iati/activities.xml?donorId=${donor.donorId}`, secretariat.token);
      expect(asSecretariat.status).toBe(200);
      expect(readActivities(asSecretariat.text).activities).toHaveLength(2);

      const withoutDonor = await get('/exports/iati/activities.xml', secretariat.token);
      expect(withoutDonor.status).toBe(400);
      expect(errorOf(withoutDonor).fields?.map((problem) => problem.field)).toEqual(['donorId']);

      const noReference = await get(`/exports/iati/activities.xml?donorId=${otherDonor.donorId}`, secretariat.token);
      expect(noReference.status).toBe(409);
      expect(errorOf(noReference).message).toMatch(/no IATI organisation reference/);

      const othersActivities = await get(`/exports/iati/activities.xml?donorId=${otherDonor.donorId}`, donor.token);
      expect(othersActivities.status).toBe(403);
      expect(errorOf(othersActivities).code).toBe('FORBIDDEN');

      const state = await get('/exports/iati/activities.xml', nigeria.token);
      expect(state.status).toBe(403);
      expect(errorOf(state).code).toBe('FORBIDDEN');

      const anonymous = await get('/exports/iati/activities.xml');
      expect(anonymous.status).toBe(401);
      expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
      expect((await get('/exports/iati/activities.xml', 'not-a-token')).status).toBe(401);

      expect((await get('/exports/iati/activities.xml?donor=1', donor.token)).status).toBe(400);
    });
  });

  describe('GET /exports/needs.csv', () => {
    it('is UTF-8 with a byte order mark, holds what the caller may see, and neutralises formulas', async () => {
      const anonymous = await get('/exports/needs.csv');
      expect(anonymous.status).toBe(200);
      expect(anonymous.type).toBe('text/csv; charset=utf-8');
      expect(anonymous.disposition).toMatch(/^attachment; filename="needs-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(anonymous.text.startsWith(BOM)).toBe(true);
      const publicRows = rows(anonymous);
      expect(publicRows.map((row) => row.id).sort()).toEqual([ids.genderNeed, ids.ghanaNeed].sort());
      const ghanaRow = publicRows.find((row) => row.id === ids.ghanaNeed)!;
      expect(ghanaRow.title).toBe(`'=HYPERLINK("http://evil.example","click")`);
      expect(ghanaRow).toMatchObject({ country_iso3: 'GHA', estimated_budget_usd: '80000', funded_usd: '30000', funding_gap_usd: '50000' });

      const asDonor = rows(await get('/exports/needs.csv', donor.token));
      expect(asDonor.map((row) => row.id)).toContain(ids.donorsOnlyNeed);
      expect(asDonor.find((row) => row.id === ids.donorsOnlyNeed)!.title).toBe("'+Secret donors-only need");

      const asNigeria = rows(await get('/exports/needs.csv', nigeria.token));
      expect(asNigeria.map((row) => row.id).sort()).toEqual([ids.genderNeed, ids.ghanaNeed, ids.donorsOnlyNeed, ids.draftNeed].sort());
      expect(asNigeria.find((row) => row.id === ids.draftNeed)!.title).toBe("'-draft of Nigeria");
      expect(rows(await get('/exports/needs.csv', secretariat.token))).toHaveLength(4);
    });

    it("takes the needs list's filters as query parameters", async () => {
      const byTheme = rows(await get('/exports/needs.csv?themeCodes=GENDER&status=OPEN,PARTLY_FUNDED', secretariat.token));
      expect(byTheme.map((row) => row.id)).toEqual([ids.ghanaNeed]);
      const byCountry = rows(await get('/exports/needs.csv?countryIso3=NGA&minBudgetUsd=100000', secretariat.token));
      expect(byCountry.map((row) => row.id)).toEqual([ids.draftNeed, ids.genderNeed]);
      const inWestAfrica = rows(await get('/exports/needs.csv?region=011&sort=BUDGET_LOW_FIRST', secretariat.token));
      expect(inWestAfrica.map((row) => Number(row.estimated_budget_usd))).toEqual([50000, 80000, 250000, 300000]);
    });

    it('refuses a bad parameter with 400 naming it', async () => {
      for (const [query, field] of [
        ['minBudgetUsd=lots', 'minBudgetUsd'],
        ['status=SOMETIMES', 'status'],
        ['region=999', 'region'],
        ['themeCodes=NOT_A_THEME', 'themeCodes'],
        ['countryIso3=NG', 'countryIso3'],
        ['sort=RANDOM', 'sort'],
        ['colour=blue', 'colour'],
      ]) {
        const refused = await get(`/exports/needs.csv?${query}`, secretariat.token);
        expect({ query, status: refused.status }).toEqual({ query, status: 400 });
        expect(errorOf(refused).fields?.map((problem) => problem.field)).toContain(field);
      }
    });
  });

  describe('GET /exports/matches.csv', () => {
    it('gives donors their own matches, states those of their needs and the Secretariat all, best first', async () => {
      const asDonor = await get('/exports/matches.csv', donor.token);
      expect(asDonor.status).toBe(200);
      expect(asDonor.text.startsWith(BOM)).toBe(true);
      const donorRows = rows(asDonor);
      expect(donorRows.map((row) => row.id)).toEqual([ids.completedPairing, ids.confirmedPairing, ids.approvedOnly]);
      expect(donorRows[0]).toMatchObject({
        status: 'COMPLETED',
        allocated_usd: '120000',
        donor: 'Federal Foreign Office',
        country_iso3: 'NGA',
      });
      expect(donorRows[0].explanation).toBe("'@SUM(1+1) is what a hostile explanation would look like");

      expect(rows(await get('/exports/matches.csv', ghana.token)).map((row) => row.id)).toEqual([ids.confirmedPairing, ids.proposedOnly]);
      expect(rows(await get('/exports/matches.csv', secretariat.token))).toHaveLength(5);
      expect((await get('/exports/matches.csv')).status).toBe(401);
    });

    it("takes the match list's filters, and refuses a bad one naming it", async () => {
      const confirmedOnes = rows(await get('/exports/matches.csv?status=CONFIRMED&status=COMPLETED&minScore=0.65', secretariat.token));
      expect(confirmedOnes.map((row) => row.id)).toEqual([ids.completedPairing, ids.confirmedPairing]);
      expect(rows(await get(`/exports/matches.csv?donorId=${otherDonor.donorId}`, secretariat.token)).map((row) => row.id)).toEqual([
        ids.otherDonorPairing,
        ids.proposedOnly,
      ]);
      const refused = await get('/exports/matches.csv?minScore=2', secretariat.token);
      expect(refused.status).toBe(400);
      expect(errorOf(refused).fields?.map((problem) => problem.field)).toEqual(['minScore']);
    });

    it('reads long lists in batches, in the same order as the list', async () => {
      const matches = dataSource.getRepository(Match);
      // One (need, offer) pair per row: the filler needs ids of their own.
      const extra = Array.from({ length: 2100 }, (_, index) =>
        matches.create(proposalRow(`filler-need-${index}`, ids.otherOffer, { score: 0.3, status: MatchStatus.SUPERSEDED })),
      );
      await matches.save(extra, { chunk: 200 });
      try {
        const all = rows(await get('/exports/matches.csv?status=SUPERSEDED', secretariat.token));
        expect(all).toHaveLength(2100);
        expect(new Set(all.map((row) => row.id)).size).toBe(2100);
        const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(all.map((row) => row.id)).toEqual(sorted.map((row) => row.id));
      } finally {
        await matches.delete({ status: MatchStatus.SUPERSEDED });
      }
    });
  });

  describe('GET /exports/coverage.csv', () => {
    it('is for the Secretariat: the coverage figures by region and theme', async () => {
      const download = await get('/exports/coverage.csv?region=011', secretariat.token);
      expect(download.status).toBe(200);
      expect(download.text.startsWith(BOM)).toBe(true);
      const figures = rows(download);
      expect(figures.find((row) => row.dimension === 'region')).toMatchObject({
        code: '002',
        name: 'Africa',
        open_needs: '3',
        approved_usd: '180000',
      });
      expect(figures.find((row) => row.dimension === 'theme' && row.code === 'GENDER')).toMatchObject({ requested_usd: '80000' });
      expect((await get('/exports/coverage.csv', donor.token)).status).toBe(403);
      expect((await get('/exports/coverage.csv?year=soon', secretariat.token)).status).toBe(400);
    });
  });
});
