import { DataSource } from 'typeorm';
import { Match } from '../src/matching/entities/match.entity';
import { ProgressReport } from '../src/pairings/progress/progress-report.entity';
import { engineIdle, proposalRow, publishedNeed, publishedOffer } from './support/matching-helpers';
import { errorCode, startTestApp, TestApp } from './support/test-app';
import { Account, contractOperation, dataOf, donorAccount, secretariatAccount, stateAccount } from './support/fixtures';
import { readActivities } from './support/iati-rules';

const SUMMARY = '{ financialSummary { totals { pairings approvedUsd } byState { country { iso3 } pairings } } }';
const SET_VISIBILITY = 'mutation($id: ID!, $visibility: Visibility!) { updateNeed(id: $id, input: { visibility: $visibility }) { id } }';
const SET_IATI_REFERENCE =
  'mutation($donorId: ID!, $ref: String) { setDonorIatiReference(donorId: $donorId, iatiOrganisationRef: $ref) { id } }';
const PROGRESS = { periodEnd: '2027-06-30', narrative: 'Two armouries fitted with doors and alarms.', disbursedUsd: 10_000 };

/**
 * A pairing shows as its need does: once a state shows its need to the Secretariat only, the offer's
 * donor no longer finds the pairing, whatever it asks (a decision, a progress report, its money, its
 * IATI file); shown to donors again, it is the donor's as before.
 */
describe('pairings on a need its donor may no longer see', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let secretariat: Account;
  let nigeria: Account;
  let donor: Account & { donorId: string };
  let confirmedNeed: string;
  let proposedNeed: string;
  let confirmed: string;
  let proposed: string;

  /** The pair's match as the engine proposed it, or stored here when it did not. */
  async function proposal(needId: string, offerId: string): Promise<Match> {
    await engineIdle(dataSource);
    const matches = dataSource.getRepository(Match);
    return (await matches.findOneBy({ needId, offerId })) ?? (await matches.save(matches.create(proposalRow(needId, offerId))));
  }

  const setVisibility = async (needId: string, visibility: string) =>
    dataOf(await t.gql(SET_VISIBILITY, { id: needId, visibility }, nigeria.token));
  const summaryOf = async (reader: Account) => dataOf(await t.gql(SUMMARY, {}, reader.token)).financialSummary;
  const stored = (id: string) => dataSource.getRepository(Match).findOneByOrFail({ id });
  const reportsOn = (matchId: string) => dataSource.getRepository(ProgressReport).countBy({ matchId });

  async function iatiActivityIds(token: string, donorId?: string): Promise<string[]> {
    const response = await fetch(`${t.url.replace(/\/graphql$/, '')}/exports/iati/activities.xml${donorId ? `?donorId=${donorId}` : ''}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return readActivities(await response.text()).activities.map((activity) => activity.identifier);
  }

  beforeAll(async () => {
    // Every compatible pair stays proposed, so rescoring after a change of visibility closes none.
    t = await startTestApp({ MATCH_TOP_K: '1000', MATCH_MIN_SCORE: '0' });
    dataSource = t.app.get(DataSource);
    secretariat = await secretariatAccount(t);
    nigeria = await stateAccount(t, 'NGA');
    donor = await donorAccount(t);
    dataOf(await t.gql(SET_IATI_REFERENCE, { donorId: donor.donorId, ref: 'XM-DAC-5-7' }, secretariat.token));

    confirmedNeed = await publishedNeed(t, nigeria.token, { visibility: 'DONORS' });
    proposedNeed = await publishedNeed(t, nigeria.token, { visibility: 'DONORS' });
    const offer = await publishedOffer(t, donor.token);
    const toConfirm = await proposal(confirmedNeed, offer);
    confirmed = toConfirm.id;
    dataOf(
      await t.gql(
        contractOperation('ApproveMatch'),
        { id: confirmed, allocatedUsd: 50_000, expectedVersion: toConfirm.version },
        secretariat.token,
      ),
    );
    dataOf(await t.gql(contractOperation('ConfirmMatch'), { id: confirmed }, nigeria.token));
    proposed = (await proposal(proposedNeed, offer)).id;

    await setVisibility(confirmedNeed, 'SECRETARIAT');
    await setVisibility(proposedNeed, 'SECRETARIAT');
    await engineIdle(dataSource);
  });
  afterAll(() => t.close());

  it('refuses its donor a decision or a progress report as on a pairing that does not exist, and changes nothing', async () => {
    const before = await stored(proposed);
    expect(errorCode(await t.gql(contractOperation('ExpressInterest'), { id: proposed }, donor.token))).toBe('NOT_FOUND');
    expect(await stored(proposed)).toMatchObject({ status: before.status, version: before.version });

    const report = await t.gql(contractOperation('AddProgressReport'), { matchId: confirmed, input: PROGRESS }, donor.token);
    expect(errorCode(report)).toBe('NOT_FOUND');
    expect(JSON.stringify(report)).not.toContain('Two armouries');
    expect(await reportsOn(confirmed)).toBe(0);
  });

  it("leaves it out of the donor's financial summary and IATI file, whoever exports it, and keeps it in the state's and the Secretariat's figures", async () => {
    expect((await summaryOf(donor)).totals).toEqual({ pairings: 0, approvedUsd: 0 });
    expect((await summaryOf(nigeria)).totals).toEqual({ pairings: 1, approvedUsd: 50_000 });
    expect((await summaryOf(secretariat)).byState).toEqual([{ country: { iso3: 'NGA' }, pairings: 1 }]);
    expect(await iatiActivityIds(donor.token)).toEqual([]);
    expect(await iatiActivityIds(secretariat.token, donor.donorId)).toEqual([]);
  });

  it('is the donor’s again once the state shows the need to donors', async () => {
    await setVisibility(confirmedNeed, 'DONORS');
    await setVisibility(proposedNeed, 'DONORS');
    await engineIdle(dataSource);

    expect(dataOf(await t.gql(contractOperation('ExpressInterest'), { id: proposed }, donor.token)).expressInterest).toMatchObject({
      status: 'DONOR_INTERESTED',
    });
    dataOf(await t.gql(contractOperation('AddProgressReport'), { matchId: confirmed, input: PROGRESS }, donor.token));
    expect(await reportsOn(confirmed)).toBe(1);
    expect((await summaryOf(donor)).totals).toEqual({ pairings: 1, approvedUsd: 50_000 });
    const [activity] = await iatiActivityIds(donor.token);
    expect(activity).toContain(confirmed);
    expect(await iatiActivityIds(secretariat.token, donor.donorId)).toEqual([activity]);
  });
});
