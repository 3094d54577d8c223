import { JwtService } from '@nestjs/jwt';
import { Queue } from 'bullmq';
import { createClient, Client } from 'graphql-ws';
import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WebSocket } from 'ws';
import { Match } from '../src/matching/entities/match.entity';
import { Visibility } from '../src/domain/enums';
import { MatchStatus } from '../src/domain/statuses';
import { AppConfig } from '../src/config/app-config';
import { Need } from '../src/needs/entities/need.entity';
import { Offer } from '../src/offers/entities/offer.entity';
import { MatchEventKind } from '../src/matching/events/match-event';
import { MatchEventBus, MAX_PENDING_EVENTS } from '../src/matching/events/match-event-bus';
import { QUEUE_NAME } from '../src/queue/bullmq-job-queue';
import {
  engineIdle,
  eventually,
  proposalRow,
  publishedNeed as needPublishedBy,
  publishedOffer as offerPublishedBy,
} from './support/matching-helpers';
import { errorCode, GraphQLResponse, startTestApp, TestApp } from './support/test-app';
import { deleteQueueKeys, startWorker, stopWorker, WorkerProcess } from './support/worker-process';
import { TEST_REDIS_URL } from './support/processes';
import {
  Account,
  auditTrail,
  badInputFields,
  contractOperation,
  dataOf,
  donorAccount,
  needInput,
  offerInput,
  secretariatAccount,
  stateAccount,
  UNKNOWN_ID,
} from './support/fixtures';

const EXPRESS_INTEREST = contractOperation('ExpressInterest');
const APPROVE = contractOperation('ApproveMatch');
const REJECT = contractOperation('RejectMatch');
const CONFIRM = contractOperation('ConfirmMatch');
const DECLINE = contractOperation('DeclineMatch');
const ADD_PROGRESS_REPORT = contractOperation('AddProgressReport');
const COVERAGE = contractOperation('Coverage');
const OVERDUE = `query($days: Int) { overdueProgressReports(days: $days) { lastReportAt match { id status } } }`;
const REPORTS_OF_MATCH = `mutation($matchId: ID!, $input: ProgressReportInput!) {
  addProgressReport(matchId: $matchId, input: $input) { id match { status version progressReports { disbursedUsd completed periodEnd indicators { name value target } } } }
}`;
const MATCH_EVENTS =
  'subscription { matchEvents { kind matchId needId offerId status previousStatus version allocatedUsd at match { id status } } }';

const LIVE = [MatchStatus.APPROVED, MatchStatus.CONFIRMED, MatchStatus.ACTIVE, MatchStatus.COMPLETED];

interface MatchView {
  id: string;
  status: string;
  version: number;
  allocatedUsd?: number | null;
  offer?: { id: string; remainingCapacityUsd: number };
  need?: { id: string; fundedUsd: number; status: string };
}

interface MatchEventView {
  kind: string;
  matchId: string;
  needId: string;
  offerId: string;
  status: string;
  previousStatus: string | null;
  version: number;
  allocatedUsd: number | null;
  match: { id: string; status: string } | null;
}

const report = (overrides: Record<string, unknown> = {}) => ({
  periodEnd: '2027-06-30',
  narrative: 'Four armouries fitted with new doors, locks and alarm systems.',
  disbursedUsd: 10000,
  ...overrides,
});

describe('pairings: the workflow, its money, progress, coverage and live events', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let secretariat: Account;
  let nigeria: Account;
  let ghana: Account;
  let donor: Account & { donorId: string };
  let otherDonor: Account & { donorId: string };

  beforeAll(async () => {
    // Every compatible pair stays proposed, so the engine's rescoring never closes a pair a test decides on.
    t = await startTestApp({ MATCH_TOP_K: '1000', MATCH_MIN_SCORE: '0' });
    dataSource = t.app.get(DataSource);
    secretariat = await secretariatAccount(t);
    nigeria = await stateAccount(t, 'NGA');
    ghana = await stateAccount(t, 'GHA');
    donor = await donorAccount(t);
    otherDonor = await donorAccount(t);
  });
  afterAll(() => t.close());

  async function publishedNeed(state: Account, overrides: Record<string, unknown> = {}): Promise<string> {
    const { createNeed } = dataOf(await t.gql(contractOperation('CreateNeed'), { input: needInput(overrides) }, state.token));
    dataOf(await t.gql(contractOperation('PublishNeed'), { id: createNeed.id }, state.token));
    return createNeed.id;
  }

  async function publishedOffer(owner: Account, overrides: Record<string, unknown> = {}): Promise<string> {
    const { createOffer } = dataOf(await t.gql(contractOperation('CreateOffer'), { input: offerInput(overrides) }, owner.token));
    dataOf(await t.gql(contractOperation('PublishOffer'), { id: createOffer.id }, owner.token));
    return createOffer.id;
  }

  /**
   * A PROPOSED match as the engine would store it. The engine scores new needs and offers on its own;
   * once it is done, the pair is taken as it proposed it, or stored here when it did not.
   */
  async function proposed(needId: string, offerId: string): Promise<string> {
    await engineIdle(dataSource);
    const matches = dataSource.getRepository(Match);
    const existing = await matches.findOneBy({ needId, offerId });
    if (existing) {
      expect(existing).toMatchObject({ status: MatchStatus.PROPOSED, version: 1 });
      return existing.id;
    }
    const match = matches.create({
      needId,
      offerId,
      score: 0.8,
      breakdown: { theme: 1, region: 0.8, capacity: 1, ownership: 0, gender: 0, baseline: 0, multiYear: 0, conflict: 0 },
      explanation: 'covers both themes; eligible as Western Africa',
      status: MatchStatus.PROPOSED,
      runId: null,
      allocatedUsd: null,
    });
    await matches.save(match);
    return match.id;
  }

  const stored = (id: string) => dataSource.getRepository(Match).findOneByOrFail({ id });
  const offerRow = (id: string) => dataSource.getRepository(Offer).findOneByOrFail({ id });
  const needRow = (id: string) => dataSource.getRepository(Need).findOneByOrFail({ id });

  const approve = (id: string, allocatedUsd: number, expectedVersion: number, token = secretariat.token) =>
    t.gql<{ approveMatch: MatchView }>(APPROVE, { id, allocatedUsd, expectedVersion, note: 'Fits the national action plan.' }, token);

  /** offer remaining = capacity − Σ live allocations ≥ 0 and need funded = Σ live allocations ≤ budget, for every row. */
  async function expectMoneyInvariants(): Promise<void> {
    const matches = await dataSource.getRepository(Match).find();
    const live = matches.filter((match) => LIVE.includes(match.status));
    for (const offer of await dataSource.getRepository(Offer).find()) {
      const allocated = live.filter((match) => match.offerId === offer.id).reduce((sum, match) => sum + match.allocatedUsd!, 0);
      expect({ offer: offer.id, remaining: offer.remainingCapacityUsd }).toEqual({
        offer: offer.id,
        remaining: offer.capacityUsd - allocated,
      });
      expect(offer.remainingCapacityUsd).toBeGreaterThanOrEqual(0);
    }
    for (const need of await dataSource.getRepository(Need).find()) {
      const funded = live.filter((match) => match.needId === need.id).reduce((sum, match) => sum + match.allocatedUsd!, 0);
      expect({ need: need.id, funded: need.fundedUsd }).toEqual({ need: need.id, funded });
      expect(need.fundedUsd).toBeLessThanOrEqual(need.estimatedBudgetUsd);
    }
  }

  async function expectUnchanged(matchId: string, before: Match): Promise<void> {
    const after = await stored(matchId);
    expect({ status: after.status, version: after.version, allocatedUsd: after.allocatedUsd }).toEqual({
      status: before.status,
      version: before.version,
      allocatedUsd: before.allocatedUsd,
    });
  }

  describe('match', () => {
    it('shows one pairing to those who may see it in the list, and NOT_FOUND to everyone else', async () => {
      const matchId = await proposed(await publishedNeed(nigeria), await publishedOffer(donor));
      const MATCH = 'query($id: ID!) { match(id: $id) { id status version need { id } offer { id } } }';
      for (const reader of [nigeria, donor, secretariat]) {
        expect(dataOf(await t.gql(MATCH, { id: matchId }, reader.token)).match).toMatchObject({ id: matchId, status: 'PROPOSED' });
      }
      for (const outsider of [ghana, otherDonor]) expect(errorCode(await t.gql(MATCH, { id: matchId }, outsider.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(MATCH, { id: UNKNOWN_ID }, secretariat.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(MATCH, { id: matchId }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('expressInterest', () => {
    it("lets the offer's donor mark a PROPOSED pairing, once", async () => {
      const matchId = await proposed(await publishedNeed(nigeria), await publishedOffer(donor));
      const before = await stored(matchId);

      expect(errorCode(await t.gql(EXPRESS_INTEREST, { id: matchId }, otherDonor.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(EXPRESS_INTEREST, { id: matchId }, nigeria.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(EXPRESS_INTEREST, { id: matchId }, secretariat.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(EXPRESS_INTEREST, { id: UNKNOWN_ID }, donor.token))).toBe('NOT_FOUND');
      await expectUnchanged(matchId, before);

      const { expressInterest } = dataOf(await t.gql<{ expressInterest: MatchView }>(EXPRESS_INTEREST, { id: matchId }, donor.token));
      expect(expressInterest).toEqual({ id: matchId, status: 'DONOR_INTERESTED', version: before.version + 1 });
      expect(errorCode(await t.gql(EXPRESS_INTEREST, { id: matchId }, donor.token))).toBe('CONFLICT');
      const trail = await auditTrail(t, matchId);
      expect(trail.map((event) => event.action)).toEqual(['match.express_interest']);
      expect(trail[0].actor!.email).toBe(donor.email);
    });
  });

  describe('approveMatch', () => {
    it('reserves the allocation from the offer and funds the need', async () => {
      const needId = await publishedNeed(nigeria, { estimatedBudgetUsd: 250000 });
      const offerId = await publishedOffer(donor, { capacityUsd: 1000000, minGrantUsd: 10000, maxGrantUsd: 400000 });
      const matchId = await proposed(needId, offerId);

      const { approveMatch } = dataOf(await approve(matchId, 100000, 1));
      expect(approveMatch).toEqual({
        id: matchId,
        status: 'APPROVED',
        version: 2,
        allocatedUsd: 100000,
        offer: { id: offerId, remainingCapacityUsd: 900000 },
        need: { id: needId, fundedUsd: 100000, status: 'PARTLY_FUNDED' },
      });
      expect(await offerRow(offerId)).toMatchObject({ remainingCapacityUsd: 900000, status: 'OPEN' });
      expect(await needRow(needId)).toMatchObject({ fundedUsd: 100000, status: 'PARTLY_FUNDED' });

      const [approval] = await auditTrail(t, matchId);
      expect(approval).toMatchObject({
        action: 'match.approve',
        actor: { email: secretariat.email, role: 'SECRETARIAT' },
        detail: {
          from: 'PROPOSED',
          to: 'APPROVED',
          allocatedUsd: 100000,
          note: 'Fits the national action plan.',
          offerRemainingUsdAfter: 900000,
        },
      });
      expect(errorCode(await approve(matchId, 100000, 2))).toBe('CONFLICT');
      await expectMoneyInvariants();
    });

    it('approves a DONOR_INTERESTED pairing too, and the ADMIN may approve', async () => {
      const matchId = await proposed(await publishedNeed(nigeria), await publishedOffer(donor));
      dataOf(await t.gql(EXPRESS_INTEREST, { id: matchId }, donor.token));
      const { approveMatch } = dataOf(await approve(matchId, 50000, 2, t.adminToken));
      expect(approveMatch).toMatchObject({ status: 'APPROVED', version: 3, allocatedUsd: 50000 });
    });

    it('refuses the wrong role, a stale version and amounts that do not fit, changing nothing', async () => {
      const needId = await publishedNeed(nigeria, { estimatedBudgetUsd: 200000 });
      const offerId = await publishedOffer(donor, { capacityUsd: 300000, minGrantUsd: 20000, maxGrantUsd: 250000 });
      const matchId = await proposed(needId, offerId);
      const before = await stored(matchId);

      expect(errorCode(await approve(matchId, 50000, 1, nigeria.token))).toBe('FORBIDDEN');
      expect(errorCode(await approve(matchId, 50000, 1, donor.token))).toBe('FORBIDDEN');
      expect(errorCode(await approve(matchId, 50000, 7))).toBe('CONFLICT');
      expect(errorCode(await approve(UNKNOWN_ID, 50000, 1))).toBe('NOT_FOUND');
      for (const amount of [210000, 10000, 0, -5]) {
        const refused = await approve(matchId, amount, 1);
        expect({ amount, fields: badInputFields(refused) }).toEqual({ amount, fields: ['allocatedUsd'] });
      }
      await expectUnchanged(matchId, before);
      expect(await offerRow(offerId)).toMatchObject({ remainingCapacityUsd: 300000 });
      expect(await needRow(needId)).toMatchObject({ fundedUsd: 0, status: 'OPEN' });

      // Above the grant ceiling and above what the offer has left.
      const bigNeed = await publishedNeed(ghana, { estimatedBudgetUsd: 900000 });
      const bigMatch = await proposed(bigNeed, offerId);
      expect(badInputFields(await approve(bigMatch, 260000, 1))).toEqual(['allocatedUsd']);
      dataOf(await approve(bigMatch, 250000, 1));
      expect(badInputFields(await approve(matchId, 60000, 1))).toEqual(['allocatedUsd']);
      await expectMoneyInvariants();
    });

    it('lets exactly one of two simultaneous approvals of the same pairing win', async () => {
      const needId = await publishedNeed(ghana, { estimatedBudgetUsd: 100000 });
      const matchId = await proposed(needId, await publishedOffer(donor, { capacityUsd: 500000 }));
      const results = await Promise.all([approve(matchId, 40000, 1), approve(matchId, 60000, 1)]);
      expect(results.filter((result) => !result.errors).length).toBe(1);
      expect(results.filter((result) => errorCode(result) === 'CONFLICT').length).toBe(1);
      expect((await needRow(needId)).fundedUsd).toBe((await stored(matchId)).allocatedUsd);
      await expectMoneyInvariants();
    });
  });

  describe('rejectMatch', () => {
    it('rejects undecided pairings and gives an approved allocation back', async () => {
      const needId = await publishedNeed(nigeria, { estimatedBudgetUsd: 100000 });
      const offerId = await publishedOffer(donor, { capacityUsd: 100000, minGrantUsd: null, maxGrantUsd: null });
      const undecided = await proposed(needId, await publishedOffer(otherDonor));
      const matchId = await proposed(needId, offerId);
      const reject = (id: string, expectedVersion: number, token = secretariat.token) =>
        t.gql<{ rejectMatch: MatchView }>(REJECT, { id, reason: 'Duplicates an earlier project.', expectedVersion }, token);

      expect(dataOf(await reject(undecided, 1)).rejectMatch).toEqual({ id: undecided, status: 'REJECTED', version: 2 });
      expect(errorCode(await reject(undecided, 2))).toBe('CONFLICT');

      dataOf(await approve(matchId, 100000, 1));
      expect(await offerRow(offerId)).toMatchObject({ remainingCapacityUsd: 0, status: 'EXHAUSTED' });
      expect(await needRow(needId)).toMatchObject({ fundedUsd: 100000, status: 'FUNDED' });
      const before = await stored(matchId);
      expect(errorCode(await reject(matchId, 2, donor.token))).toBe('FORBIDDEN');
      expect(errorCode(await reject(matchId, 2, nigeria.token))).toBe('FORBIDDEN');
      expect(errorCode(await reject(matchId, 1))).toBe('CONFLICT');
      expect(badInputFields(await t.gql(REJECT, { id: matchId, reason: '', expectedVersion: 2 }, secretariat.token))).toEqual(['reason']);
      expect(badInputFields(await t.gql(REJECT, { id: matchId, reason: 'Not \u0000 now', expectedVersion: 2 }, secretariat.token))).toEqual(
        ['reason'],
      );
      await expectUnchanged(matchId, before);

      expect(dataOf(await reject(matchId, 2)).rejectMatch).toEqual({ id: matchId, status: 'REJECTED', version: 3 });
      expect(await offerRow(offerId)).toMatchObject({ remainingCapacityUsd: 100000, status: 'OPEN' });
      expect(await needRow(needId)).toMatchObject({ fundedUsd: 0, status: 'OPEN' });
      const rejection = (await auditTrail(t, matchId)).find((event) => event.action === 'match.reject')!;
      expect(rejection).toMatchObject({
        actor: { email: secretariat.email },
        detail: { reason: 'Duplicates an earlier project.', releasedUsd: 100000 },
      });
      await expectMoneyInvariants();
    });
  });

  describe('confirmMatch and declineMatch', () => {
    it('lets only the requesting state confirm an APPROVED pairing', async () => {
      const matchId = await proposed(await publishedNeed(nigeria), await publishedOffer(donor));
      expect(errorCode(await t.gql(CONFIRM, { id: matchId }, nigeria.token))).toBe('CONFLICT');
      dataOf(await approve(matchId, 50000, 1));
      const before = await stored(matchId);
      // Another state may not see the need, so it does not find the pairing either.
      expect(errorCode(await t.gql(CONFIRM, { id: matchId }, ghana.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(CONFIRM, { id: matchId }, donor.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CONFIRM, { id: matchId }, secretariat.token))).toBe('FORBIDDEN');
      await expectUnchanged(matchId, before);

      expect(dataOf(await t.gql(CONFIRM, { id: matchId }, nigeria.token)).confirmMatch).toEqual({
        id: matchId,
        status: 'CONFIRMED',
        version: 3,
      });
      expect(errorCode(await t.gql(CONFIRM, { id: matchId }, nigeria.token))).toBe('CONFLICT');
      expect(errorCode(await t.gql(DECLINE, { id: matchId, reason: 'Changed our mind.' }, nigeria.token))).toBe('CONFLICT');
      expect((await auditTrail(t, matchId)).map((event) => event.action)).toEqual(['match.approve', 'match.confirm']);
    });

    it('lets the requesting state decline an approved pairing, giving the money back, or refuse one early', async () => {
      const needId = await publishedNeed(nigeria, { estimatedBudgetUsd: 300000 });
      const offerId = await publishedOffer(donor, { capacityUsd: 400000 });
      const matchId = await proposed(needId, offerId);
      dataOf(await approve(matchId, 120000, 1));
      const before = await stored(matchId);
      expect(errorCode(await t.gql(DECLINE, { id: matchId, reason: 'Not a national priority.' }, ghana.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(DECLINE, { id: matchId, reason: 'Not a national priority.' }, secretariat.token))).toBe('FORBIDDEN');
      await expectUnchanged(matchId, before);

      const { declineMatch } = dataOf(await t.gql(DECLINE, { id: matchId, reason: 'Not a national priority.' }, nigeria.token));
      expect(declineMatch).toEqual({ id: matchId, status: 'DECLINED', version: 3, offer: { id: offerId, remainingCapacityUsd: 400000 } });
      expect(await offerRow(offerId)).toMatchObject({ remainingCapacityUsd: 400000, status: 'OPEN' });
      expect(await needRow(needId)).toMatchObject({ fundedUsd: 0, status: 'OPEN' });
      const decline = (await auditTrail(t, matchId)).find((event) => event.action === 'match.decline')!;
      expect(decline).toMatchObject({
        actor: { email: nigeria.email },
        detail: { reason: 'Not a national priority.', releasedUsd: 120000 },
      });

      const early = await proposed(needId, await publishedOffer(otherDonor));
      expect(dataOf(await t.gql(DECLINE, { id: early, reason: 'Already covered nationally.' }, nigeria.token)).declineMatch.status).toBe(
        'DECLINED',
      );
      await expectMoneyInvariants();
    });
  });

  describe('supersession', () => {
    it("closes a funded need's and an exhausted offer's other undecided pairings", async () => {
      const needId = await publishedNeed(ghana, { estimatedBudgetUsd: 150000 });
      const otherNeedId = await publishedNeed(nigeria, { estimatedBudgetUsd: 500000 });
      const offerId = await publishedOffer(donor, { capacityUsd: 150000, minGrantUsd: null, maxGrantUsd: null });
      const rivalOfferId = await publishedOffer(otherDonor);
      const chosen = await proposed(needId, offerId);
      const rivalForNeed = await proposed(needId, rivalOfferId);
      const rivalForOffer = await proposed(otherNeedId, offerId);
      dataOf(await t.gql(EXPRESS_INTEREST, { id: rivalForOffer }, donor.token));
      const untouched = await proposed(otherNeedId, rivalOfferId);

      dataOf(await approve(chosen, 150000, 1));
      expect(await stored(rivalForNeed)).toMatchObject({ status: 'SUPERSEDED', version: 1 });
      expect(await stored(rivalForOffer)).toMatchObject({ status: 'SUPERSEDED', version: 2 });
      expect(await stored(untouched)).toMatchObject({ status: 'PROPOSED', version: 1 });
      const [superseded] = await auditTrail(t, rivalForNeed);
      expect(superseded).toMatchObject({ action: 'match.supersede', detail: { cause: 'NEED_FUNDED', byMatchId: chosen } });
      expect(errorCode(await approve(rivalForNeed, 10000, 1))).toBe('CONFLICT');
      await expectMoneyInvariants();
    });
  });

  describe('progress reports', () => {
    async function confirmedMatch(allocatedUsd = 100000): Promise<string> {
      const matchId = await proposed(await publishedNeed(nigeria), await publishedOffer(donor));
      dataOf(await approve(matchId, allocatedUsd, 1));
      dataOf(await t.gql(CONFIRM, { id: matchId }, nigeria.token));
      return matchId;
    }

    it('makes the pairing ACTIVE, then COMPLETED, and keeps disbursements within the allocation', async () => {
      const matchId = await proposed(await publishedNeed(nigeria), await publishedOffer(donor));
      dataOf(await approve(matchId, 100000, 1));
      expect(errorCode(await t.gql(ADD_PROGRESS_REPORT, { matchId, input: report() }, nigeria.token))).toBe('CONFLICT');
      dataOf(await t.gql(CONFIRM, { id: matchId }, nigeria.token));
      expect(errorCode(await t.gql(ADD_PROGRESS_REPORT, { matchId, input: report() }, ghana.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(ADD_PROGRESS_REPORT, { matchId, input: report() }, otherDonor.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(ADD_PROGRESS_REPORT, { matchId, input: report() }, secretariat.token))).toBe('FORBIDDEN');
      expect(badInputFields(await t.gql(ADD_PROGRESS_REPORT, { matchId, input: report({ disbursedUsd: 100001 }) }, donor.token))).toEqual([
        'input.disbursedUsd',
      ]);
      expect(badInputFields(await t.gql(ADD_PROGRESS_REPORT, { matchId, input: report({ narrative: 'short' }) }, donor.token))).toEqual([
        'input.narrative',
      ]);
      expect(
        badInputFields(
          await t.gql(ADD_PROGRESS_REPORT, { matchId, input: report({ narrative: `  short${' '.repeat(10)}` }) }, donor.token),
        ),
      ).toEqual(['input.narrative']);

      const first = dataOf(
        await t.gql(
          ADD_PROGRESS_REPORT,
          { matchId, input: report({ disbursedUsd: 60000, indicators: [{ name: 'armouries secured', value: 4, target: 12 }] }) },
          donor.token,
        ),
      ).addProgressReport;
      expect(first).toMatchObject({ match: { id: matchId, status: 'ACTIVE' }, disbursedUsd: 60000 });
      expect(badInputFields(await t.gql(ADD_PROGRESS_REPORT, { matchId, input: report({ disbursedUsd: 40001 }) }, nigeria.token))).toEqual([
        'input.disbursedUsd',
      ]);

      const last = dataOf(
        await t.gql(
          REPORTS_OF_MATCH,
          { matchId, input: report({ disbursedUsd: 40000, completed: true, periodEnd: '2027-12-31' }) },
          nigeria.token,
        ),
      );
      expect(last.addProgressReport.match).toEqual({
        status: 'COMPLETED',
        version: 5,
        progressReports: [
          {
            disbursedUsd: 60000,
            completed: false,
            periodEnd: '2027-06-30',
            indicators: [{ name: 'armouries secured', value: 4, target: 12 }],
          },
          { disbursedUsd: 40000, completed: true, periodEnd: '2027-12-31', indicators: null },
        ],
      });
      expect(errorCode(await t.gql(ADD_PROGRESS_REPORT, { matchId, input: report({ disbursedUsd: 0 }) }, nigeria.token))).toBe('CONFLICT');
      const actions = (await auditTrail(t, matchId)).map((event) => event.action);
      expect(actions).toEqual(['match.approve', 'match.confirm', 'match.progress_report', 'match.progress_report']);
    });

    it('lists running pairings silent for too long, for the Secretariat only', async () => {
      const silent = await confirmedMatch();
      const reported = await confirmedMatch();
      const recent = await confirmedMatch();
      dataOf(await t.gql(ADD_PROGRESS_REPORT, { matchId: reported, input: report() }, donor.token));
      const longAgo = new Date(Date.now() - 200 * 24 * 60 * 60 * 1000);
      await dataSource
        .getRepository(Match)
        .createQueryBuilder()
        .update()
        .set({ updatedAt: () => ':longAgo' })
        .setParameter('longAgo', longAgo)
        .whereInIds([silent, reported])
        .execute();
      await dataSource.query(
        `UPDATE progress_reports SET created_at = ${dataSource.options.type === 'postgres' ? '$1' : '?'} WHERE match_id = ${dataSource.options.type === 'postgres' ? '$2' : '?'}`,
        [dataSource.options.type === 'postgres' ? longAgo : longAgo.toISOString().replace('T', ' ').slice(0, 19), reported],
      );

      const overdue = dataOf(
        await t.gql<{ overdueProgressReports: { lastReportAt: string | null; match: { id: string } }[] }>(OVERDUE, {}, secretariat.token),
      ).overdueProgressReports;
      const ids = overdue.map((entry) => entry.match.id);
      expect(ids).toEqual(expect.arrayContaining([silent, reported]));
      expect(ids).not.toContain(recent);
      expect(overdue.find((entry) => entry.match.id === silent)!.lastReportAt).toBeNull();
      expect(
        Math.abs(new Date(overdue.find((entry) => entry.match.id === reported)!.lastReportAt!).getTime() - longAgo.getTime()),
      ).toBeLessThan(2000);
      const lenient = dataOf(await t.gql(OVERDUE, { days: 365 }, secretariat.token)).overdueProgressReports as { match: { id: string } }[];
      expect(lenient.map((entry) => entry.match.id)).not.toContain(silent);
      expect(errorCode(await t.gql(OVERDUE, {}, donor.token))).toBe('FORBIDDEN');
      expect(badInputFields(await t.gql(OVERDUE, { days: 0 }, secretariat.token))).toEqual(['days']);
    });
  });

  describe('coverage', () => {
    it('sums needs and money by M49 region and by theme, for the Secretariat', async () => {
      const fiji = await stateAccount(t, 'FJI');
      const pacificOffer = await publishedOffer(donor, {
        themeCodes: ['DESTRUCTION', 'GENDER'],
        eligibleRegionCodes: ['009'],
        capacityUsd: 2000000,
        minGrantUsd: null,
        maxGrantUsd: null,
      });
      const destruction = await publishedNeed(fiji, { themeCodes: ['DESTRUCTION'], estimatedBudgetUsd: 300000 });
      const both = await publishedNeed(fiji, { themeCodes: ['DESTRUCTION', 'GENDER'], estimatedBudgetUsd: 200000 });
      await publishedNeed(fiji, { themeCodes: ['GENDER'], estimatedBudgetUsd: 50000 });
      const { createNeed: draft } = dataOf(
        await t.gql(
          contractOperation('CreateNeed'),
          { input: needInput({ themeCodes: ['DESTRUCTION'], estimatedBudgetUsd: 999 }) },
          fiji.token,
        ),
      );
      expect(draft.status).toBe('DRAFT');

      const funded = await proposed(destruction, pacificOffer);
      dataOf(await approve(funded, 300000, 1));
      dataOf(await t.gql(CONFIRM, { id: funded }, fiji.token));
      dataOf(await t.gql(ADD_PROGRESS_REPORT, { matchId: funded, input: report({ disbursedUsd: 75000 }) }, fiji.token));
      const partly = await proposed(both, pacificOffer);
      dataOf(await approve(partly, 120000, 1));

      expect(errorCode(await t.gql(COVERAGE, {}, fiji.token))).toBe('FORBIDDEN');
      const { coverage } = dataOf(await t.gql(COVERAGE, {}, secretariat.token));
      const oceania = coverage.byRegion.find((entry: { region: { code: string } }) => entry.region.code === '009');
      expect(oceania).toEqual({ region: { code: '009', name: 'Oceania' }, openNeeds: 2, requestedUsd: 550000, approvedUsd: 420000 });
      const byTheme = Object.fromEntries(coverage.byTheme.map((entry: { theme: { code: string } }) => [entry.theme.code, entry]));
      expect(byTheme.DESTRUCTION).toEqual({
        theme: { code: 'DESTRUCTION', label: expect.any(String) },
        openNeeds: 1,
        requestedUsd: 500000,
        approvedUsd: 420000,
      });
      expect(byTheme.GENDER).toMatchObject({ openNeeds: 2, requestedUsd: 250000, approvedUsd: 120000 });

      const disbursed = await t.gql(
        '{ coverage { byRegion { region { code } disbursedUsd } byTheme { theme { code } disbursedUsd } } }',
        {},
        secretariat.token,
      );
      expect(
        dataOf(disbursed).coverage.byRegion.find((entry: { region: { code: string } }) => entry.region.code === '009').disbursedUsd,
      ).toBe(75000);
      expect(
        dataOf(disbursed).coverage.byTheme.find((entry: { theme: { code: string } }) => entry.theme.code === 'GENDER').disbursedUsd,
      ).toBe(0);
    });
  });

  describe('matchEvents subscription', () => {
    const clients: Client[] = [];
    afterAll(async () => {
      await Promise.all(clients.map(async (client) => client.dispose()));
    });

    const listen = (token: string | null) => listenForMatchEvents(t.url, token, clients);

    it("delivers a donor's own pairing events only, a state's own, and everything to the Secretariat", async () => {
      const ownEvents = await listen(donor.token);
      const otherEvents = await listen(otherDonor.token);
      const stateEvents = await listen(nigeria.token);
      const ghanaEvents = await listen(ghana.token);
      const staffEvents = await listen(secretariat.token);

      const needId = await publishedNeed(nigeria, { estimatedBudgetUsd: 100000 });
      const offerId = await publishedOffer(donor, { capacityUsd: 500000 });
      const matchId = await proposed(needId, offerId);
      dataOf(await t.gql(EXPRESS_INTEREST, { id: matchId }, donor.token));
      dataOf(await approve(matchId, 80000, 2));

      // The engine's own PROPOSED event for the pair is the next test's subject; here the decisions count.
      const concerning = (events: MatchEventView[]) =>
        events.filter((event) => event.matchId === matchId && event.kind === 'STATUS_CHANGED');
      await waitFor(
        () =>
          concerning(ownEvents.events).length >= 2 &&
          concerning(staffEvents.events).length >= 2 &&
          concerning(stateEvents.events).length >= 2,
      );
      expect(concerning(ownEvents.events)).toEqual([
        expect.objectContaining({ kind: 'STATUS_CHANGED', status: 'DONOR_INTERESTED', previousStatus: 'PROPOSED', version: 2, offerId }),
        expect.objectContaining({
          kind: 'STATUS_CHANGED',
          status: 'APPROVED',
          previousStatus: 'DONOR_INTERESTED',
          version: 3,
          allocatedUsd: 80000,
        }),
      ]);
      expect(concerning(ownEvents.events)[1].match).toEqual({ id: matchId, status: 'APPROVED' });
      expect(concerning(stateEvents.events).map((event) => event.status)).toEqual(['DONOR_INTERESTED', 'APPROVED']);
      expect(concerning(staffEvents.events).map((event) => event.status)).toEqual(['DONOR_INTERESTED', 'APPROVED']);
      expect(otherEvents.events.filter((event) => event.offerId === offerId)).toEqual([]);
      expect(ghanaEvents.events.filter((event) => event.matchId === matchId)).toEqual([]);
      for (const listener of [ownEvents, otherEvents, stateEvents, ghanaEvents, staffEvents]) expect(listener.errors).toEqual([]);
    });

    it("delivers the engine's new proposal to the offer's donor and the need's state, once the state publishes a matching need", async () => {
      const offerId = await publishedOffer(donor, { capacityUsd: 500000 });
      await engineIdle(dataSource);
      const ownEvents = await listen(donor.token);
      const otherEvents = await listen(otherDonor.token);
      const stateEvents = await listen(nigeria.token);
      const ghanaEvents = await listen(ghana.token);

      const needId = await publishedNeed(nigeria, { estimatedBudgetUsd: 90000 });
      const proposals = (events: MatchEventView[]) => events.filter((event) => event.needId === needId && event.offerId === offerId);
      await waitFor(() => proposals(ownEvents.events).length > 0 && proposals(stateEvents.events).length > 0);
      const match = await dataSource.getRepository(Match).findOneByOrFail({ needId, offerId });
      expect(proposals(ownEvents.events)).toEqual([
        expect.objectContaining({
          kind: 'PROPOSED',
          matchId: match.id,
          status: 'PROPOSED',
          previousStatus: null,
          version: 1,
          allocatedUsd: null,
          match: { id: match.id, status: 'PROPOSED' },
        }),
      ]);
      expect(proposals(stateEvents.events)).toEqual([expect.objectContaining({ kind: 'PROPOSED', matchId: match.id })]);
      await engineIdle(dataSource);
      expect(proposals(otherEvents.events)).toEqual([]);
      expect(ghanaEvents.events.filter((event) => event.needId === needId)).toEqual([]);
      // The other donor hears of its own offers' proposals for the same need, and only of those.
      const otherOffers = new Set((await dataSource.getRepository(Offer).findBy({ donorId: otherDonor.donorId })).map((offer) => offer.id));
      expect(otherEvents.events.every((event) => otherOffers.has(event.offerId))).toBe(true);
      for (const listener of [ownEvents, otherEvents, stateEvents, ghanaEvents]) expect(listener.errors).toEqual([]);
    });

    it('tells a donor nothing of pairs whose need it may not see, even of its own offers', async () => {
      const offerId = await publishedOffer(donor, { capacityUsd: 500000 });
      await engineIdle(dataSource);
      const ownEvents = await listen(donor.token);
      const stateEvents = await listen(nigeria.token);

      const needId = await publishedNeed(nigeria, { estimatedBudgetUsd: 80000, visibility: 'SECRETARIAT' });
      const ofThePair = (events: MatchEventView[]) => events.filter((event) => event.needId === needId && event.offerId === offerId);
      await waitFor(() => ofThePair(stateEvents.events).length > 0);
      expect(ofThePair(stateEvents.events)).toEqual([expect.objectContaining({ kind: 'PROPOSED' })]);
      await engineIdle(dataSource);
      expect(ofThePair(ownEvents.events)).toEqual([]);
      for (const listener of [ownEvents, stateEvents]) expect(listener.errors).toEqual([]);
    });

    it('holds subscriptions to the same depth and cost limits as HTTP operations', async () => {
      const needsMatches = (inner: string) => `need { matches { edges { node { ${inner} } } } }`;
      const tooDeep = `subscription { matchEvents { match { ${needsMatches(needsMatches(needsMatches('need { id }')))} } } }`;
      const refused = await listenForMatchEvents(t.url, secretariat.token, clients, tooDeep);
      await waitFor(() => refused.errors.length > 0);
      expect(JSON.stringify(refused.errors[0])).toMatch(/depth limit of 15/i);
      const fanningOut = `subscription { matchEvents { match { ${needsMatches(needsMatches(needsMatches('id')))} } } }`;
      const tooCostly = await listenForMatchEvents(t.url, secretariat.token, clients, fanningOut);
      await waitFor(() => tooCostly.errors.length > 0);
      expect(JSON.stringify(tooCostly.errors[0])).toMatch(/cost limit of 20000/i);
      expect(JSON.stringify(tooCostly.errors[0])).not.toMatch(/depth/i);
    });

    it('ends a subscription that falls too far behind with EVENTS_DROPPED, and keeps delivering to the others', async () => {
      const staffEvents = await listen(secretariat.token);
      const ownEvents = await listen(donor.token);
      // What a large full run announces at once, far more than the Secretariat's subscription may have waiting.
      const announced = {
        kind: MatchEventKind.PROPOSED,
        needId: 'need-of-a-large-run',
        offerId: 'offer-of-a-large-run',
        status: MatchStatus.PROPOSED,
        previousStatus: null,
        version: 1,
        allocatedUsd: null,
        offerDonorId: 'another-donor',
        needCountryIso3: 'GHA',
        needExposure: Visibility.PUBLIC,
        at: new Date().toISOString(),
      };
      await t.app
        .get(MatchEventBus)
        .publish(Array.from({ length: MAX_PENDING_EVENTS + 1 }, (_, index) => ({ ...announced, matchId: `announced-${index}` })));
      await waitFor(() => staffEvents.errors.length > 0);
      expect(staffEvents.errors[0]).toEqual([expect.objectContaining({ extensions: { code: 'EVENTS_DROPPED' } })]);
      expect(staffEvents.events.length).toBeLessThanOrEqual(MAX_PENDING_EVENTS);

      const offerId = await publishedOffer(donor, { capacityUsd: 400000 });
      const needId = await publishedNeed(nigeria, { estimatedBudgetUsd: 60000 });
      await waitFor(() => ownEvents.events.some((event) => event.needId === needId && event.offerId === offerId));
      expect(ownEvents.errors).toEqual([]);
    });

    it('closes a connection once its token expires, and delivers until then', async () => {
      const shortLived = await t.app.get(JwtService).signAsync({ sub: donor.id }, { expiresIn: 3 });
      const listener = await listen(shortLived);
      const offerId = await publishedOffer(donor, { capacityUsd: 400000 });
      const needId = await publishedNeed(nigeria, { estimatedBudgetUsd: 70000 });
      await waitFor(() => listener.events.some((event) => event.needId === needId && event.offerId === offerId));
      expect(listener.events.filter((event) => event.needId === needId && event.offerId === offerId)).toHaveLength(1);
      expect(listener.errors).toEqual([]);

      await waitFor(() => listener.errors.length > 0, 6000);
      expect(listener.errors[0]).toMatchObject({ code: 4403, reason: expect.stringMatching(/expired/) });
    });

    it('refuses a connection without a valid token', async () => {
      for (const token of [null, 'not-a-token']) {
        const refused = await listen(token);
        await waitFor(() => refused.errors.length > 0);
        expect(refused.errors[0]).toMatchObject({ code: 4403 });
      }
    });
  });

  describe('concurrency', () => {
    it('keeps the money right when 60 approvals compete for one offer', async () => {
      const CAPACITY = 500000;
      const AMOUNT = 20000;
      const offerId = await publishedOffer(otherDonor, { capacityUsd: CAPACITY, minGrantUsd: null, maxGrantUsd: null });
      const needIds = await Promise.all(
        Array.from({ length: 60 }, (_, index) => publishedNeed(index % 2 ? nigeria : ghana, { estimatedBudgetUsd: 50000 })),
      );
      const matchIds: string[] = [];
      for (const needId of needIds) matchIds.push(await proposed(needId, offerId));

      const results = await Promise.all(matchIds.map((id) => approve(id, AMOUNT, 1)));
      const succeeded = results.filter((result) => !result.errors);
      const refusals = results
        .filter((result) => result.errors)
        .map((result) => `${errorCode(result as GraphQLResponse)}: ${result.errors![0].message}`);
      expect(refusals.filter((refusal) => !/^(BAD_USER_INPUT|CONFLICT):/.test(refusal))).toEqual([]);
      expect(succeeded.length).toBe(CAPACITY / AMOUNT);

      const offer = await offerRow(offerId);
      const approved = await dataSource.getRepository(Match).findBy({ offerId, status: MatchStatus.APPROVED });
      expect(approved.length).toBe(CAPACITY / AMOUNT);
      expect(approved.reduce((sum, match) => sum + match.allocatedUsd!, 0)).toBe(CAPACITY);
      expect(offer).toMatchObject({ remainingCapacityUsd: 0, status: 'EXHAUSTED' });
      // A rescoring planned before the offer ran out may briefly re-propose a pair; the engine's own
      // rescoring of the exhausted offer closes it again.
      await engineIdle(dataSource);
      const rest = await dataSource.getRepository(Match).findBy({ offerId });
      expect(rest.filter((match) => match.status !== MatchStatus.APPROVED && match.status !== MatchStatus.SUPERSEDED)).toEqual([]);
      await expectMoneyInvariants();
    });
  });
});

interface EventListener {
  events: MatchEventView[];
  errors: unknown[];
}

/** Subscribes to matchEvents over graphql-ws as a client would, collecting what arrives. */
async function listenForMatchEvents(
  httpUrl: string,
  token: string | null,
  clients: Client[],
  query = MATCH_EVENTS,
): Promise<EventListener> {
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
  });
  clients.push(client);
  const listener: EventListener = { events: [], errors: [] };
  client.subscribe<{ matchEvents: MatchEventView }>(
    { query },
    {
      next: (result) => (result.data ? listener.events.push(result.data.matchEvents) : listener.errors.push(result.errors)),
      error: (error) => listener.errors.push(error),
      complete: () => undefined,
    },
  );
  // graphql-ws does not acknowledge a subscription; give the server a moment to register it.
  await new Promise((resolve) => setTimeout(resolve, 400));
  return listener;
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('pairings: matchEvents through Redis', () => {
  const QUEUE_PREFIX = `pairings-e2e-${randomBytes(4).toString('hex')}`;
  let t: TestApp;
  const clients: Client[] = [];
  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX });
  });
  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await t.close();
    await deleteQueueKeys(TEST_REDIS_URL, QUEUE_PREFIX);
  });

  it('delivers to API subscribers the events another process publishes, to the right donor only', async () => {
    const donor = await donorAccount(t);
    const otherDonor = await donorAccount(t);
    const own = await listenForMatchEvents(t.url, donor.token, clients);
    const other = await listenForMatchEvents(t.url, otherDonor.token, clients);
    const workerBus = new MatchEventBus(Object.assign(new AppConfig(), { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX }));
    try {
      await workerBus.ready();
      await workerBus.publish({
        kind: MatchEventKind.PROPOSED,
        matchId: UNKNOWN_ID,
        needId: UNKNOWN_ID,
        offerId: UNKNOWN_ID,
        status: MatchStatus.PROPOSED,
        previousStatus: null,
        version: 1,
        allocatedUsd: null,
        offerDonorId: donor.donorId,
        needCountryIso3: 'NGA',
        needExposure: Visibility.PUBLIC,
        at: new Date().toISOString(),
      });
      await waitFor(() => own.events.length > 0);
      expect(own.events).toEqual([
        expect.objectContaining({ kind: 'PROPOSED', matchId: UNKNOWN_ID, status: 'PROPOSED', previousStatus: null, match: null }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(other.events).toEqual([]);
      expect([...own.errors, ...other.errors]).toEqual([]);
    } finally {
      await workerBus.onModuleDestroy();
    }
  });
});

const PLAN_FIELDS =
  'id status solveStatus objective greedyObjective upperBound solveMillis candidateCount allocatedUsd message allocations { matchId needId offerId allocatedUsd score match { status } }';
const PROPOSE_ALLOCATION = `mutation($input: ProposeAllocationInput) { proposeAllocation(input: $input) { id status } }`;
const ALLOCATION_PLAN = `query($id: ID!) { allocationPlan(id: $id) { ${PLAN_FIELDS} } }`;

/** Asks for a plan, sees it QUEUED (or already RUNNING), and polls allocationPlan until the job has solved it. */
async function solvedPlan(t: TestApp, token: string, input: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const { proposeAllocation } = dataOf(await t.gql(PROPOSE_ALLOCATION, { input }, token));
  expect(proposeAllocation.status).toMatch(/QUEUED|RUNNING/);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { allocationPlan } = dataOf(await t.gql(ALLOCATION_PLAN, { id: proposeAllocation.id }, token));
    if (!['QUEUED', 'RUNNING'].includes(allocationPlan.status)) return allocationPlan;
    if (Date.now() > deadline) throw new Error(`The plan was not solved in time; it is still ${allocationPlan.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('pairings: optimal allocation plans', () => {
  const PROPOSE = PROPOSE_ALLOCATION;
  const APPLY = `mutation($id: ID!) { applyAllocationPlan(id: $id) { ${PLAN_FIELDS} } }`;
  let t: TestApp;
  let dataSource: DataSource;
  let secretariat: Account;

  beforeAll(async () => {
    t = await startTestApp({ MATCH_TOP_K: '1000', MATCH_MIN_SCORE: '0' });
    dataSource = t.app.get(DataSource);
    secretariat = await secretariatAccount(t);
  });
  afterAll(() => t.close());

  /**
   * Two needs lacking 100,000 each, two offers of 100,000. Scores: X–A 0.9, X–B 0.8, Y–A 0.85, Y–B 0.1.
   * Greedy takes X–A first and is left with Y–B (objective 100,000); the optimum gives X to B and Y to
   * A (0.8 × 100,000 + 0.85 × 100,000 = 165,000).
   */
  it('finds the allocation known by hand, beats greedy, and applies it all or nothing', async () => {
    const nigeria = await stateAccount(t, 'NGA');
    const ghana = await stateAccount(t, 'GHA');
    const donor = await donorAccount(t);
    const publish = async (kind: 'Need' | 'Offer', token: string, input: Record<string, unknown>) => {
      const created = dataOf(await t.gql(contractOperation(`Create${kind}`), { input }, token))[`create${kind}`];
      dataOf(await t.gql(contractOperation(`Publish${kind}`), { id: created.id }, token));
      return created.id as string;
    };
    const needX = await publish('Need', nigeria.token, needInput({ estimatedBudgetUsd: 100000 }));
    const needY = await publish('Need', ghana.token, needInput({ estimatedBudgetUsd: 100000 }));
    const offerA = await publish('Offer', donor.token, offerInput({ capacityUsd: 100000, minGrantUsd: null, maxGrantUsd: null }));
    const offerB = await publish('Offer', donor.token, offerInput({ capacityUsd: 100000, minGrantUsd: null, maxGrantUsd: null }));
    await engineIdle(dataSource);
    const matches = dataSource.getRepository(Match);
    const scored = async (needId: string, offerId: string, score: number): Promise<string> => {
      const existing = await matches.findOneBy({ needId, offerId });
      const match =
        existing ??
        matches.create({
          needId,
          offerId,
          breakdown: { theme: 1, region: 1, capacity: 1, ownership: 0, gender: 0, baseline: 0, multiYear: 0, conflict: 0 },
          explanation: 'set by the test',
          status: MatchStatus.PROPOSED,
          runId: null,
          allocatedUsd: null,
        });
      match.score = score;
      await matches.save(match);
      return match.id;
    };
    const xa = await scored(needX, offerA, 0.9);
    const xb = await scored(needX, offerB, 0.8);
    const ya = await scored(needY, offerA, 0.85);
    const yb = await scored(needY, offerB, 0.1);
    expect(await matches.count()).toBe(4);

    const plan = await solvedPlan(t, secretariat.token);
    expect(plan).toMatchObject({ status: 'READY', solveStatus: 'OPTIMAL', candidateCount: 4, allocatedUsd: 200000, message: null });
    expect(plan.objective).toBeCloseTo(165000, 3);
    expect(plan.greedyObjective).toBeCloseTo(100000, 3);
    expect(plan.solveMillis).toBeGreaterThanOrEqual(0);
    expect(
      plan.allocations.map((allocation: { matchId: string; allocatedUsd: number }) => [allocation.matchId, allocation.allocatedUsd]).sort(),
    ).toEqual(
      [
        [xb, 100000],
        [ya, 100000],
      ].sort(),
    );
    const rival = await solvedPlan(t, secretariat.token);
    expect(rival.status).toBe('READY');

    const { applyAllocationPlan } = dataOf(await t.gql(APPLY, { id: plan.id }, secretariat.token));
    expect(applyAllocationPlan.status).toBe('APPLIED');
    expect(applyAllocationPlan.allocations.map((allocation: { match: { status: string } }) => allocation.match.status)).toEqual([
      'APPROVED',
      'APPROVED',
    ]);
    expect(await matches.findOneByOrFail({ id: xb })).toMatchObject({ status: 'APPROVED', allocatedUsd: 100000, version: 2 });
    expect(await matches.findOneByOrFail({ id: xa })).toMatchObject({ status: 'SUPERSEDED' });
    expect(await matches.findOneByOrFail({ id: yb })).toMatchObject({ status: 'SUPERSEDED' });
    expect(await dataSource.getRepository(Need).findOneByOrFail({ id: needX })).toMatchObject({ fundedUsd: 100000, status: 'FUNDED' });
    expect(await dataSource.getRepository(Offer).findOneByOrFail({ id: offerA })).toMatchObject({
      remainingCapacityUsd: 0,
      status: 'EXHAUSTED',
    });
    const approval = (await auditTrail(t, ya)).find((event) => event.action === 'match.approve')!;
    expect(approval).toMatchObject({ actor: { email: secretariat.email }, detail: { planId: plan.id, allocatedUsd: 100000 } });

    expect(errorCode(await t.gql(APPLY, { id: plan.id }, secretariat.token))).toBe('CONFLICT');
    const before = await matches.find({ order: { id: 'ASC' } });
    expect(errorCode(await t.gql(APPLY, { id: rival.id }, secretariat.token))).toBe('CONFLICT');
    expect(await matches.find({ order: { id: 'ASC' } })).toEqual(before);
    expect(errorCode(await t.gql(PROPOSE, {}, donor.token))).toBe('FORBIDDEN');
    expect(badInputFields(await t.gql(PROPOSE, { input: { minRegionShare: 1.5 } }, secretariat.token))).toEqual(['input.minRegionShare']);
  });

  it('refuses with CONFLICT a plan whose grant an offer no longer allows, naming the pairing, and applies none of it', async () => {
    const nigeria = await stateAccount(t, 'NGA');
    const donor = await donorAccount(t);
    const need = await needPublishedBy(t, nigeria.token, { estimatedBudgetUsd: 80000 });
    const offer = await offerPublishedBy(t, donor.token, { capacityUsd: 100000, minGrantUsd: null, maxGrantUsd: null });
    await engineIdle(dataSource);
    const matches = dataSource.getRepository(Match);
    const match =
      (await matches.findOneBy({ needId: need, offerId: offer })) ?? (await matches.save(matches.create(proposalRow(need, offer))));
    const plan = await solvedPlan(t, secretariat.token);
    const planned = plan.allocations.find((allocation: { matchId: string }) => allocation.matchId === match.id);
    expect(planned).toMatchObject({ allocatedUsd: 80000 });

    // The largest grant is not part of what the plan read, so its basis still holds.
    dataOf(await t.gql(contractOperation('UpdateOffer'), { id: offer, input: { maxGrantUsd: 50000 } }, donor.token));
    await engineIdle(dataSource);
    const before = await matches.find({ order: { id: 'ASC' } });
    const refusal = await t.gql(APPLY, { id: plan.id }, secretariat.token);
    expect(errorCode(refusal)).toBe('CONFLICT');
    expect(refusal.errors?.[0].message).toContain(match.id);
    expect(await matches.find({ order: { id: 'ASC' } })).toEqual(before);
    expect(dataOf(await t.gql(ALLOCATION_PLAN, { id: plan.id }, secretariat.token)).allocationPlan.status).toBe('READY');
  });
});

describe('pairings through BullMQ and a separate worker: live proposals and allocation plans', () => {
  const QUEUE_PREFIX = `pairings-worker-e2e-${randomBytes(4).toString('hex')}`;
  let t: TestApp;
  let worker: WorkerProcess | undefined;
  let dataSource: DataSource;
  let secretariat: Account;
  const clients: Client[] = [];
  // Opened in beforeAll, so a run that skips this block (jest -t) leaves no connection behind.
  let redis: IORedis;
  let queue: Queue;

  beforeAll(async () => {
    redis = new IORedis(TEST_REDIS_URL);
    queue = new Queue(QUEUE_NAME, { connection: redis, prefix: QUEUE_PREFIX });
    const env = { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX, MATCH_TOP_K: '1000', MATCH_MIN_SCORE: '0' };
    t = await startTestApp(env);
    worker = await startWorker({ ...env, DATABASE_URL: process.env.DATABASE_URL! });
    dataSource = t.app.get(DataSource);
    secretariat = await secretariatAccount(t);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    if (worker) await stopWorker(worker);
    await t?.close();
    await queue?.close();
    redis?.disconnect();
    await deleteQueueKeys(TEST_REDIS_URL, QUEUE_PREFIX);
  });

  /** The jobs BullMQ has seen completed on this file's queue: only a worker process consumes them. */
  const completedJobs = async () => (await queue.getCompleted()).map((job) => ({ name: job.name, data: job.data as unknown }));

  /**
   * Every job handed over and none waiting or running. On SQLite the API and the worker are two
   * processes sharing one file, and a deferred transaction that reads before the other process
   * commits cannot then write (SQLITE_BUSY); the tests let the worker finish between their changes.
   */
  async function workerIdle(): Promise<void> {
    await engineIdle(dataSource);
    await eventually(
      async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        // The next tick of each periodic job (the sweeps) waits as a delayed job; it is not work left.
        counts.delayed -= await queue.getJobSchedulersCount();
        return Object.values(counts).every((count) => count === 0) ? true : undefined;
      },
      30_000,
      'the worker to finish its jobs',
    );
  }

  async function settledOffer(token: string, overrides: Record<string, unknown>): Promise<string> {
    const { createOffer } = dataOf(await t.gql(contractOperation('CreateOffer'), { input: offerInput(overrides) }, token));
    await workerIdle();
    dataOf(await t.gql(contractOperation('PublishOffer'), { id: createOffer.id }, token));
    await workerIdle();
    return createOffer.id;
  }

  async function settledNeed(token: string, overrides: Record<string, unknown>): Promise<string> {
    const { createNeed } = dataOf(await t.gql(contractOperation('CreateNeed'), { input: needInput(overrides) }, token));
    await workerIdle();
    dataOf(await t.gql(contractOperation('PublishNeed'), { id: createNeed.id }, token));
    await workerIdle();
    return createNeed.id;
  }

  it("delivers the worker's new proposal to the offer's donor through Redis, and not to another donor", async () => {
    const nigeria = await stateAccount(t, 'NGA');
    const donor = await donorAccount(t);
    const otherDonor = await donorAccount(t);
    const offerId = await settledOffer(donor.token, { capacityUsd: 100000, minGrantUsd: null, maxGrantUsd: null });
    const own = await listenForMatchEvents(t.url, donor.token, clients);
    const other = await listenForMatchEvents(t.url, otherDonor.token, clients);

    const needId = await settledNeed(nigeria.token, { estimatedBudgetUsd: 60000 });
    await waitFor(() => own.events.some((event) => event.needId === needId), 30_000);
    const match = await dataSource.getRepository(Match).findOneByOrFail({ needId, offerId });
    expect(own.events.filter((event) => event.needId === needId)).toEqual([
      expect.objectContaining({ kind: 'PROPOSED', matchId: match.id, offerId, status: 'PROPOSED', previousStatus: null, version: 1 }),
    ]);
    expect(other.events).toEqual([]);
    expect([...own.errors, ...other.errors]).toEqual([]);
    expect((await completedJobs()).map((job) => job.name)).toContain('rescore-need');
  });

  it('solves an allocation plan in the worker process, the API showing it QUEUED meanwhile', async () => {
    const ghana = await stateAccount(t, 'GHA');
    const donor = await donorAccount(t);
    const offerId = await settledOffer(donor.token, { capacityUsd: 80000, minGrantUsd: null, maxGrantUsd: null });
    const needId = await settledNeed(ghana.token, { estimatedBudgetUsd: 50000 });
    const match = await eventually(
      () =>
        dataSource
          .getRepository(Match)
          .findOneBy({ needId, offerId })
          .then((found) => found ?? undefined),
      30_000,
      'the proposal',
    );

    const plan = await solvedPlan(t, secretariat.token);
    expect(plan).toMatchObject({ status: 'READY', solveStatus: 'OPTIMAL', message: null });
    expect(plan.candidateCount).toBeGreaterThanOrEqual(1);
    expect(plan.solveMillis).toBeGreaterThanOrEqual(0);
    expect(plan.objective).toBeGreaterThanOrEqual(plan.greedyObjective - 1e-6);
    // Every proposal of this database is a candidate; whichever offer the optimum picks, the new need is funded in full.
    const grants = plan.allocations as { matchId: string; needId: string; allocatedUsd: number; match: { status: string } }[];
    expect(grants.filter((grant) => grant.needId === needId).reduce((sum, grant) => sum + grant.allocatedUsd, 0)).toBe(50000);
    expect(grants.every((grant) => grant.match.status === 'PROPOSED')).toBe(true);
    expect(await dataSource.getRepository(Match).countBy({ id: match.id, status: MatchStatus.PROPOSED })).toBe(1);
    expect(await completedJobs()).toContainEqual({ name: 'propose-allocation', data: { planId: plan.id } });
  });
});
