import { DataSource } from 'typeorm';
import { Match } from '../src/matching/entities/match.entity';
import { Need } from '../src/needs/entities/need.entity';
import { cycleOfDate } from '../src/domain/reporting-cycles';
import { ProgressReport } from '../src/pairings/progress/progress-report.entity';
import { ProgressReminderJob } from '../src/pairings/progress/progress-reminder.job';
import { engineIdle, proposalRow, publishedNeed, publishedOffer } from './support/matching-helpers';
import { errorCode, startTestApp, TestApp } from './support/test-app';
import { Account, contractOperation, dataOf, donorAccount, notificationsOf, secretariatAccount, stateAccount } from './support/fixtures';

const SUMMARY = `{
  financialSummary {
    totals { pairings approvedUsd disbursedUsd pairingsNeverReported lastReportAt }
    byDonor { donor { id } pairings approvedUsd disbursedUsd pairingsNeverReported }
    byState { country { iso3 } pairings approvedUsd disbursedUsd }
    byYear { year pairings approvedUsd disbursedUsd }
    byCycle { cycle { code year } pairings approvedUsd disbursedUsd }
  }
}`;

interface Figures {
  pairings: number;
  approvedUsd: number;
  disbursedUsd: number;
  pairingsNeverReported: number;
  lastReportAt: string | null;
}
interface Summary {
  totals: Figures;
  byDonor: (Omit<Figures, 'lastReportAt'> & { donor: { id: string } })[];
  byState: { country: { iso3: string }; pairings: number; approvedUsd: number; disbursedUsd: number }[];
  byYear: { year: number; pairings: number; approvedUsd: number; disbursedUsd: number }[];
  byCycle: { cycle: { code: string; year: number }; pairings: number; approvedUsd: number; disbursedUsd: number }[];
}

describe('follow-up on money (para 95): the financial summary and progress report reminders', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let secretariat: Account;
  let nigeria: Account;
  let ghana: Account;
  let senegal: Account;
  let donor: Account & { donorId: string };
  let otherDonor: Account & { donorId: string };
  let reported: string;
  let nigerianNeed: string;
  let offer: string;

  /** The pair's match, as the engine proposed it or stored here when it did not, approved for `allocatedUsd`. */
  async function approved(needId: string, offerId: string, allocatedUsd: number): Promise<string> {
    await engineIdle(dataSource);
    const matches = dataSource.getRepository(Match);
    const match = (await matches.findOneBy({ needId, offerId })) ?? (await matches.save(matches.create(proposalRow(needId, offerId))));
    dataOf(
      await t.gql(contractOperation('ApproveMatch'), { id: match.id, allocatedUsd, expectedVersion: match.version }, secretariat.token),
    );
    return match.id;
  }

  const summaryOf = async (reader: Account) =>
    dataOf(await t.gql<{ financialSummary: Summary }>(SUMMARY, {}, reader.token)).financialSummary;

  beforeAll(async () => {
    t = await startTestApp({ MATCH_TOP_K: '1000', MATCH_MIN_SCORE: '0' });
    dataSource = t.app.get(DataSource);
    secretariat = await secretariatAccount(t);
    nigeria = await stateAccount(t, 'NGA');
    ghana = await stateAccount(t, 'GHA');
    senegal = await stateAccount(t, 'SEN');
    donor = await donorAccount(t);
    otherDonor = await donorAccount(t);

    let ghanaianNeed: string, otherOffer: string;
    [nigerianNeed, ghanaianNeed, offer, otherOffer] = [
      await publishedNeed(t, nigeria.token),
      await publishedNeed(t, ghana.token),
      await publishedOffer(t, donor.token),
      await publishedOffer(t, otherDonor.token),
    ];
    // The Ghanaian need as one drawn from a 2023 national report is: in the cycle of the Fourth Review Conference.
    await dataSource.getRepository(Need).update(ghanaianNeed, { cycleYear: 2024 });
    reported = await approved(nigerianNeed, offer, 100_000);
    await approved(ghanaianNeed, offer, 50_000);
    await approved(nigerianNeed, otherOffer, 30_000);
    dataOf(await t.gql(contractOperation('ConfirmMatch'), { id: reported }, nigeria.token));
    const progress = { periodEnd: '2027-06-30', narrative: 'Doors, locks and alarms fitted at four armouries.', disbursedUsd: 40_000 };
    dataOf(await t.gql(contractOperation('AddProgressReport'), { matchId: reported, input: progress }, donor.token));
  });
  afterAll(() => t.close());

  it('gives the Secretariat every pairing that holds money, approved, disbursed and last reported', async () => {
    const summary = await summaryOf(secretariat);
    expect(summary.totals).toMatchObject({ pairings: 3, approvedUsd: 180_000, disbursedUsd: 40_000, pairingsNeverReported: 2 });
    expect(summary.totals.lastReportAt).not.toBeNull();
    expect(summary.byDonor.find((row) => row.donor.id === donor.donorId)).toMatchObject({
      pairings: 2,
      approvedUsd: 150_000,
      disbursedUsd: 40_000,
      pairingsNeverReported: 1,
    });
    expect(summary.byDonor.find((row) => row.donor.id === otherDonor.donorId)).toMatchObject({ pairings: 1, approvedUsd: 30_000 });
    expect(summary.byState).toEqual([
      { country: { iso3: 'GHA' }, pairings: 1, approvedUsd: 50_000, disbursedUsd: 0 },
      { country: { iso3: 'NGA' }, pairings: 2, approvedUsd: 130_000, disbursedUsd: 40_000 },
    ]);
    // Needs filed by hand belong to the year they were filed.
    expect(summary.byYear).toEqual([{ year: new Date().getUTCFullYear(), pairings: 3, approvedUsd: 180_000, disbursedUsd: 40_000 }]);
    // Per cycle, by the cycle each need was filed in.
    const current = cycleOfDate(new Date());
    expect(summary.byCycle).toEqual([
      { cycle: { code: 'RevCon4', year: 2024 }, pairings: 1, approvedUsd: 50_000, disbursedUsd: 0 },
      { cycle: { code: current.code, year: current.year }, pairings: 2, approvedUsd: 130_000, disbursedUsd: 40_000 },
    ]);
  });

  it('gives a donor only the pairings of its own offers, and a state only those on its own needs', async () => {
    const ofDonor = await summaryOf(donor);
    expect(ofDonor.totals).toMatchObject({ pairings: 2, approvedUsd: 150_000, disbursedUsd: 40_000 });
    expect(ofDonor.byDonor.map((row) => row.donor.id)).toEqual([donor.donorId]);
    expect(ofDonor.byState.map((row) => row.country.iso3)).toEqual(['GHA', 'NGA']);

    const ofNigeria = await summaryOf(nigeria);
    expect(ofNigeria.totals).toMatchObject({ pairings: 2, approvedUsd: 130_000, disbursedUsd: 40_000 });
    expect(ofNigeria.byState.map((row) => row.country.iso3)).toEqual(['NGA']);
    expect(ofNigeria.byDonor.map((row) => row.donor.id).sort()).toEqual([donor.donorId, otherDonor.donorId].sort());

    const ofSenegal = await summaryOf(senegal);
    expect(ofSenegal).toEqual({
      totals: { pairings: 0, approvedUsd: 0, disbursedUsd: 0, pairingsNeverReported: 0, lastReportAt: null },
      byDonor: [],
      byState: [],
      byYear: [],
      byCycle: [],
    });
  });

  it('refuses a caller who has not signed in', async () => {
    expect(errorCode(await t.gql(SUMMARY))).toBe('UNAUTHENTICATED');
  });

  describe('progress report reminders', () => {
    const remindersOf = (reader: Account) => notificationsOf(t, reader, 'PROGRESS_REPORT_DUE');

    /** Moves a pairing's last change, and its reports, `days` back. */
    async function silentFor(matchId: string, days: number): Promise<void> {
      const longAgo = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
      await dataSource
        .getRepository(Match)
        .createQueryBuilder()
        .update()
        .set({ updatedAt: () => ':longAgo' })
        .setParameter('longAgo', longAgo)
        .whereInIds([matchId])
        .execute();
      await dataSource
        .getRepository(ProgressReport)
        .createQueryBuilder()
        .update()
        .set({ createdAt: () => ':longAgo' })
        .setParameter('longAgo', longAgo)
        .where('match_id = :matchId', { matchId })
        .execute();
    }

    it('reminds both parties and the Secretariat once of a running pairing a year without a report, and no one else', async () => {
      const neverReported = await approved(await publishedNeed(t, nigeria.token), offer, 20_000);
      dataOf(await t.gql(contractOperation('ConfirmMatch'), { id: neverReported }, nigeria.token));
      const recent = await approved(await publishedNeed(t, nigeria.token), offer, 20_000);
      dataOf(await t.gql(contractOperation('ConfirmMatch'), { id: recent }, nigeria.token));
      await silentFor(reported, 400);
      await silentFor(neverReported, 366);
      await silentFor(recent, 300);

      const job = t.app.get(ProgressReminderJob);
      await job.handle();
      await job.handle();

      for (const party of [nigeria, donor, secretariat]) {
        const reminders = await remindersOf(party);
        expect(reminders.map((reminder) => reminder.matchId).sort()).toEqual([neverReported, reported].sort());
        expect(reminders.find((reminder) => reminder.matchId === reported)!.title).toBe('Progress report overdue');
        expect(reminders.find((reminder) => reminder.matchId === neverReported)!.title).toBe('Progress report due');
      }
      for (const outsider of [ghana, otherDonor]) expect(await remindersOf(outsider)).toEqual([]);
    });
  });
});
