import { DataSource } from 'typeorm';
import { Match } from '../src/matching/entities/match.entity';
import { MatchStatus } from '../src/domain/statuses';
import { Need } from '../src/needs/entities/need.entity';
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
import { errorCode, startTestApp, TestApp } from './support/test-app';

const COVERAGE = `query($year: Int, $region: String) {
  coverage(year: $year, region: $region) {
    byRegion { region { code } openNeeds requestedUsd approvedUsd }
    byTheme { theme { code } openNeeds requestedUsd approvedUsd }
  }
}`;

interface Figures {
  openNeeds: number;
  requestedUsd: number;
  approvedUsd: number;
}
interface CoverageView {
  byRegion: (Figures & { region: { code: string } })[];
  byTheme: (Figures & { theme: { code: string } })[];
}

describe('coverage: the needs of one year and one M49 area', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let secretariat: Account;
  let fiji: Account;
  let kenya: Account;
  const thisYear = new Date().getUTCFullYear();

  beforeAll(async () => {
    // No matches of its own: the engine would otherwise propose pairs beside the ones stored here.
    t = await startTestApp({ MATCH_MIN_SCORE: '1' });
    dataSource = t.app.get(DataSource);
    [secretariat, fiji, kenya] = await Promise.all([secretariatAccount(t), stateAccount(t, 'FJI'), stateAccount(t, 'KEN')]);

    const donor = await donorAccount(t);
    // A draft offer is never scored, so the approved pairing below is the only one.
    const { createOffer: offer } = dataOf(await t.gql(contractOperation('CreateOffer'), { input: offerInput() }, donor.token));

    await publishedNeed(fiji, { themeCodes: ['DESTRUCTION'], estimatedBudgetUsd: 100000 });
    const fiji2019 = await publishedNeed(fiji, { themeCodes: ['GENDER'], estimatedBudgetUsd: 40000 });
    await publishedNeed(kenya, { themeCodes: ['DESTRUCTION'], estimatedBudgetUsd: 7000 });
    const fromReport = await publishedNeed(kenya, { themeCodes: ['MARKING'], estimatedBudgetUsd: 3000 });

    await dataSource.getRepository(Need).update({ id: fiji2019 }, { createdAt: new Date(Date.UTC(2019, 11, 31, 23, 0)) });
    // Filed this year, but drawn from the 2018 report: it belongs to 2018.
    const report = dataOf(
      await t.gql(
        'mutation($input: ImportNationalReportInput!) { importNationalReport(input: $input) { id } }',
        { input: { text: 'We need equipment for the destruction of surplus weapons.', year: 2018, instrument: 'POA' } },
        kenya.token,
      ),
    ).importNationalReport;
    await dataSource.getRepository(Need).update({ id: fromReport }, { nationalReportId: report.id });

    // Money approved this year on the 2019 need still counts with the 2019 need.
    const matches = dataSource.getRepository(Match);
    await matches.save(
      matches.create({
        needId: fiji2019,
        offerId: offer.id,
        score: 0.9,
        breakdown: { theme: 1, region: 1, capacity: 1, ownership: 0, gender: 1, baseline: 0, multiYear: 0, conflict: 0 },
        explanation: 'stored by the test',
        status: MatchStatus.APPROVED,
        runId: null,
        allocatedUsd: 25000,
      }),
    );
  });
  afterAll(() => t.close());

  async function publishedNeed(state: Account, overrides: Record<string, unknown>): Promise<string> {
    const { createNeed } = dataOf(await t.gql(contractOperation('CreateNeed'), { input: needInput(overrides) }, state.token));
    dataOf(await t.gql(contractOperation('PublishNeed'), { id: createNeed.id }, state.token));
    return createNeed.id;
  }

  const coverage = async (variables: Record<string, unknown>): Promise<CoverageView> =>
    dataOf(await t.gql(COVERAGE, variables, secretariat.token)).coverage;
  const regionOf = (view: CoverageView, code: string) => view.byRegion.find((entry) => entry.region.code === code);
  const themeOf = (view: CoverageView, code: string) => view.byTheme.find((entry) => entry.theme.code === code);

  it('counts every published need without a filter, and the contract operation still answers', async () => {
    const all = await coverage({});
    expect(regionOf(all, '009')).toEqual({ region: { code: '009' }, openNeeds: 2, requestedUsd: 140000, approvedUsd: 25000 });
    expect(regionOf(all, '002')).toEqual({ region: { code: '002' }, openNeeds: 2, requestedUsd: 10000, approvedUsd: 0 });
    expect(dataOf(await t.gql(contractOperation('Coverage'), {}, secretariat.token)).coverage.byRegion).toHaveLength(2);
  });

  it('keeps the needs of one year: the report year for a need drawn from a report, else the year it was filed', async () => {
    const now = await coverage({ year: thisYear });
    expect(regionOf(now, '009')).toEqual({ region: { code: '009' }, openNeeds: 1, requestedUsd: 100000, approvedUsd: 0 });
    expect(regionOf(now, '002')).toEqual({ region: { code: '002' }, openNeeds: 1, requestedUsd: 7000, approvedUsd: 0 });
    expect(themeOf(now, 'GENDER')).toBeUndefined();
    expect(themeOf(now, 'MARKING')).toBeUndefined();

    const of2019 = await coverage({ year: 2019 });
    expect(of2019.byRegion).toEqual([{ region: { code: '009' }, openNeeds: 1, requestedUsd: 40000, approvedUsd: 25000 }]);
    expect(of2019.byTheme).toEqual([{ theme: { code: 'GENDER' }, openNeeds: 1, requestedUsd: 40000, approvedUsd: 25000 }]);

    const of2018 = await coverage({ year: 2018 });
    expect(of2018.byRegion).toEqual([{ region: { code: '002' }, openNeeds: 1, requestedUsd: 3000, approvedUsd: 0 }]);
    expect((await coverage({ year: 2005 })).byRegion).toEqual([]);
  });

  it('keeps the needs of countries in one region, sub-region or intermediate region, alone or with a year', async () => {
    const africa = await coverage({ region: '002' });
    expect(africa.byRegion.map((entry) => entry.region.code)).toEqual(['002']);
    expect(themeOf(africa, 'DESTRUCTION')).toMatchObject({ openNeeds: 1, requestedUsd: 7000 });
    // Eastern Africa is an intermediate region; Melanesia a sub-region of Oceania.
    expect((await coverage({ region: '014' })).byRegion).toEqual([regionOf(africa, '002')]);
    expect((await coverage({ region: '054' })).byRegion).toEqual([
      { region: { code: '009' }, openNeeds: 2, requestedUsd: 140000, approvedUsd: 25000 },
    ]);
    expect((await coverage({ region: '019' })).byRegion).toEqual([]);
    expect((await coverage({ region: '009', year: 2019 })).byTheme.map((entry) => entry.theme.code)).toEqual(['GENDER']);
  });

  it('refuses an unknown or malformed area and an impossible year, naming the argument, and stays the Secretariat’s', async () => {
    expect(badInputFields(await t.gql(COVERAGE, { region: '999' }, secretariat.token))).toEqual(['region']);
    expect(badInputFields(await t.gql(COVERAGE, { region: 'Africa' }, secretariat.token))).toEqual(['region']);
    expect(badInputFields(await t.gql(COVERAGE, { year: 1990 }, secretariat.token))).toEqual(['year']);
    expect(errorCode(await t.gql(COVERAGE, { year: thisYear }, fiji.token))).toBe('FORBIDDEN');
  });
});
