import { DataSource } from 'typeorm';
import { ENTITIES } from '../../app/entities';
import { sqliteConnectionOf } from '../../database/driver-adapter';
import { MIGRATIONS } from '../../database/migrations';
import { MatchEventKind, MatchEventMessage } from '../events/match-event';
import { Visibility } from '../../domain/enums';
import { MatchStatus } from '../../domain/statuses';
import { queueSqliteTransactions } from '../../database/sqlite-transaction-queue';
import { MatchWriter } from './match-writer';
import { planNeedRescore, StoredMatches } from './match-write-plan';
import { Proposal, toProposal } from './proposal';

const BREAKDOWN = { theme: 1, region: 0.5, capacity: 0.25, ownership: 0, gender: null, baseline: 1, multiYear: 0, conflict: 0 };

const pair = (needId: string, offerId: string, score: number): Proposal =>
  toProposal({ needId, offerId, score, breakdown: BREAKDOWN, explanation: `fits ${score}` });

/** The SQLite write path on the real schema: rows written, rows left alone, and the events that follow. */
describe('MatchWriter on SQLite', () => {
  let dataSource: DataSource;
  let writer: MatchWriter;

  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES, migrations: MIGRATIONS });
    queueSqliteTransactions(dataSource);
    writer = new MatchWriter(dataSource);
    await dataSource.initialize();
    await dataSource.runMigrations();
    // Only the columns the writer reads matter here; the owners' accounts are not part of the test.
    await dataSource.query('PRAGMA foreign_keys = OFF');
    for (const [id, country, status] of [
      ['need-a', 'NGA', 'OPEN'],
      ['need-b', 'GHA', 'WITHDRAWN'],
    ]) {
      await dataSource.query(
        `INSERT INTO needs (id, country_iso3, title, description, status, visibility, priority, assistance_types, estimated_budget_usd, created_by, version, cycle_year, valid_until)
         VALUES (?, ?, 't', 'd', ?, 'PUBLIC', 1, '', 1000, 'user', 1, 2026, '2027-12-31')`,
        [id, country, status],
      );
    }
    for (const [id, donor] of [
      ['offer-1', 'donor-1'],
      ['offer-2', 'donor-2'],
    ]) {
      await dataSource.query(
        `INSERT INTO offers (id, donor_id, title, description, status, assistance_types, capacity_usd, remaining_capacity_usd, created_by, version)
         VALUES (?, ?, 't', 'd', 'OPEN', '', 1000, 1000, 'user', 1)`,
        [id, donor],
      );
    }
  });
  afterEach(() => dataSource.destroy());

  const storedRows = async (needIds: string[]) =>
    (await dataSource.transaction((manager) => writer.storedMatches(manager, 'need_id', needIds))).rows;
  const write = (results: Proposal[], needIds: string[]) =>
    dataSource.transaction(async (manager) => {
      const stored = await writer.storedMatches(manager, 'need_id', needIds);
      return writer.apply(manager, planNeedRescore(stored, results), 'run-1', stored);
    });

  it('inserts new proposals with time-ordered ids and announces each with its stored id and owners', async () => {
    const { proposed, events } = await write([pair('need-a', 'offer-1', 0.9), pair('need-a', 'offer-2', 0.8)], ['need-a']);
    const stored = await storedRows(['need-a']);
    expect(proposed).toBe(2);
    expect(stored.map((row) => row.id).sort()).toEqual(events.map((event) => event.matchId).sort());
    expect(stored.every((row) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(row.id))).toBe(true);
    expect(
      events.map(({ kind, offerId, version, previousStatus, offerDonorId, needCountryIso3, needExposure }) => ({
        kind,
        offerId,
        version,
        previousStatus,
        offerDonorId,
        needCountryIso3,
        needExposure,
      })),
    ).toEqual([
      {
        kind: MatchEventKind.PROPOSED,
        offerId: 'offer-1',
        version: 1,
        previousStatus: null,
        offerDonorId: 'donor-1',
        needCountryIso3: 'NGA',
        needExposure: Visibility.PUBLIC,
      },
      {
        kind: MatchEventKind.PROPOSED,
        offerId: 'offer-2',
        version: 1,
        previousStatus: null,
        offerDonorId: 'donor-2',
        needCountryIso3: 'NGA',
        needExposure: Visibility.PUBLIC,
      },
    ]);
  });

  it('rescores a proposal silently, revives a superseded one under its own id, and never touches a decided pair', async () => {
    await write([pair('need-a', 'offer-1', 0.9), pair('need-a', 'offer-2', 0.8)], ['need-a']);
    const before = await storedRows(['need-a']);
    const revived = before.find((row) => row.offerId === 'offer-2')!;
    await dataSource.query(`UPDATE matches SET status = 'SUPERSEDED' WHERE id = ?`, [revived.id]);

    const { events } = await write([pair('need-a', 'offer-1', 0.7), pair('need-a', 'offer-2', 0.6)], ['need-a']);
    const after = await storedRows(['need-a']);
    expect(
      after.map(({ offerId, score, status }) => ({ offerId, score, status })).sort((a, b) => a.offerId.localeCompare(b.offerId)),
    ).toEqual([
      { offerId: 'offer-1', score: 0.7, status: MatchStatus.PROPOSED },
      { offerId: 'offer-2', score: 0.6, status: MatchStatus.PROPOSED },
    ]);
    expect(events).toEqual([expect.objectContaining({ matchId: revived.id, previousStatus: MatchStatus.SUPERSEDED, version: 1 })]);

    // A decision taken after the plan was made: the write leaves the row as the person left it and announces nothing.
    const stale = new StoredMatches(await storedRows(['need-a']));
    await dataSource.query(`UPDATE matches SET status = 'APPROVED', version = 2 WHERE id = ?`, [revived.id]);
    const outcome = await dataSource.transaction((manager) =>
      writer.apply(manager, planNeedRescore(stale, [pair('need-a', 'offer-2', 0.1)]), 'run-2', stale),
    );
    const [decided] = await dataSource.query('SELECT status, score, version FROM matches WHERE id = ?', [revived.id]);
    expect(decided).toEqual({ status: MatchStatus.APPROVED, score: 0.6, version: 2 });
    expect(outcome.events.filter((event: MatchEventMessage) => event.matchId === revived.id)).toEqual([]);
  });

  it('supersedes at the end of a full run only the proposals of needs no longer live', async () => {
    await write([pair('need-a', 'offer-1', 0.9), pair('need-b', 'offer-1', 0.8), pair('need-b', 'offer-2', 0.7)], ['need-a', 'need-b']);
    const decided = (await storedRows(['need-b'])).find((row) => row.offerId === 'offer-2')!;
    await dataSource.query(`UPDATE matches SET status = 'APPROVED', version = 2 WHERE id = ?`, [decided.id]);

    const events = await dataSource.transaction((manager) => writer.supersedeDeadPairs(manager));
    const statuses = Object.fromEntries(
      (await storedRows(['need-a', 'need-b'])).map((row) => [`${row.needId}/${row.offerId}`, row.status]),
    );
    expect(statuses).toEqual({
      'need-a/offer-1': MatchStatus.PROPOSED,
      'need-b/offer-1': MatchStatus.SUPERSEDED,
      'need-b/offer-2': MatchStatus.APPROVED,
    });
    expect(events).toEqual([
      expect.objectContaining({
        kind: MatchEventKind.STATUS_CHANGED,
        needId: 'need-b',
        offerId: 'offer-1',
        previousStatus: MatchStatus.PROPOSED,
        needCountryIso3: 'GHA',
        offerDonorId: 'donor-1',
      }),
    ]);
  });

  describe("a full run's batch", () => {
    const runBatch = (proposals: Proposal[]) =>
      writer.writeRunBatch(
        { runId: 'run-1', needIds: ['need-a'], proposals, pairsScored: 7 },
        {
          countryOfNeed: new Map([['need-a', 'NGA']]),
          exposureOfNeed: new Map([['need-a', Visibility.DONORS]]),
          donorOfOffer: new Map([
            ['offer-1', 'donor-1'],
            ['offer-2', 'donor-2'],
          ]),
        },
      );
    const runProgress = async () =>
      (await dataSource.query('SELECT pairs_scored AS pairs, matches_upserted AS upserted FROM matching_runs'))[0];

    // Another part of the run has written its batches already.
    beforeEach(() =>
      dataSource.query(
        `INSERT INTO matching_runs (id, weights, status, pairs_scored, matches_upserted) VALUES ('run-1', '{}', 'RUNNING', 0, 40)`,
      ),
    );

    it("writes the proposals and adds to the run's progress together, and announces what is new", async () => {
      const { proposed, events } = await runBatch([pair('need-a', 'offer-1', 0.9), pair('need-a', 'offer-2', 0.8)]);
      expect(proposed).toBe(2);
      expect(await runProgress()).toEqual({ pairs: 7, upserted: 42 });
      const rows = await storedRows(['need-a']);
      expect(events.map((event) => [event.matchId, event.offerDonorId, event.needCountryIso3, event.needExposure])).toEqual(
        [...rows]
          .sort((a, b) => a.offerId.localeCompare(b.offerId))
          .map((row) => [row.id, `donor-${row.offerId.slice(-1)}`, 'NGA', Visibility.DONORS]),
      );
      const [{ breakdown }] = await dataSource.query(`SELECT breakdown FROM matches WHERE offer_id = 'offer-1'`);
      expect(JSON.parse(breakdown)).toEqual({ ...BREAKDOWN, gender: 0 });
    });

    it('waits for a transaction in progress, and leaves the connection as it found it', async () => {
      const connection = sqliteConnectionOf(dataSource);
      let transactionDone = false;
      const transaction = dataSource.transaction(async (manager) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await manager.query(`UPDATE matching_runs SET status = 'RUNNING'`);
        transactionDone = true;
      });
      const batch = runBatch([pair('need-a', 'offer-1', 0.9)]).then(() => transactionDone);
      await transaction;
      expect(await batch).toBe(true);
      expect(connection.pragma('synchronous', { simple: true })).toBe(2);
      expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    });

    it('changes nothing when it fails half way', async () => {
      // The second row breaks a NOT NULL constraint after the first one was written.
      const broken = { ...pair('need-a', 'offer-2', 0.8), breakdownJson: null as unknown as string };
      expect(await storedRows(['need-a'])).toEqual([]);
      const outcome = await runBatch([pair('need-a', 'offer-1', 0.9), broken]).catch((error: Error) => error);
      expect(outcome).toEqual(expect.objectContaining({ message: expect.stringMatching(/NOT NULL/) }));
      expect(await storedRows(['need-a'])).toEqual([]);
      expect(await runProgress()).toEqual({ pairs: 0, upserted: 40 });
      await expect(dataSource.transaction((manager) => manager.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
    });
  });
});
