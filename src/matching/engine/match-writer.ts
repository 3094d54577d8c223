import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { newId } from '../../common/entity-id';
import { dialectOf, sqliteConnectionOf } from '../../database/driver-adapter';
import { inExclusiveTurn } from '../../database/sqlite-transaction-queue';
import { walCheckpointerOf } from '../../database/wal-checkpointer';
import { MatchEventKind, MatchEventMessage } from '../events/match-event';
import { MatchStatus } from '../../domain/statuses';
import { MatchWritePlan, planNeedRescore, StoredMatch, StoredMatches } from './match-write-plan';
import { Proposal } from './proposal';
import { LIVE_NEED_STATUSES } from '../../needs/need-lifecycle';
import { NeedExposure, needExposure } from '../../needs/need-policy';
import { NeedStatus } from '../../domain/statuses';
import { Visibility } from '../../domain/enums';
import { LIVE_OFFER_STATUSES } from '../../offers/offer-lifecycle';
import {
  ChangedRow,
  chunksOf,
  IDS_PER_STATEMENT,
  recordRunProgress,
  RETURNING_CHANGED,
  selectStoredMatches,
  supersedeProposals,
  UPSERT_PROPOSAL_CONFLICT,
  WrittenRow,
} from './match-sql';
import { SqliteMatchStatements } from './sqlite-match-statements';

/** Rows per INSERT statement on PostgreSQL: seven parameters (six arrays and the run) whatever the number of rows. */
const ROWS_PER_INSERT = 2_000;

/** A row the engine moved, and the status it had before. */
interface MatchChange extends WrittenRow {
  status: MatchStatus.PROPOSED | MatchStatus.SUPERSEDED;
}

/** What a write did: how many results stand as proposals, and the events to send once it commits. */
export interface MatchWriteOutcome {
  proposed: number;
  events: MatchEventMessage[];
}

/**
 * The owners of both sides of pairs, as far as the caller already knows them (a full run has loaded
 * every live need and offer); events of pairs not covered look their owners up in the database.
 */
export interface KnownPairOwners {
  countryOfNeed: ReadonlyMap<string, string>;
  /** How each need shows, which decides who may hear of its pairs. */
  exposureOfNeed: ReadonlyMap<string, NeedExposure>;
  donorOfOffer: ReadonlyMap<string, string>;
}

/** A full run's batch: its needs (every one of them scored), their results, and the run's totals with this batch. */
export interface RunBatch {
  runId: string;
  needIds: readonly string[];
  proposals: readonly Proposal[];
  /** Pairs the batch scored (that passed the hard filters). */
  pairsScored: number;
}

/** Many proposals from parallel arrays, one plan whatever their number (PostgreSQL). */
const UPSERT_PROPOSAL_ARRAYS = `INSERT INTO matches (id, need_id, offer_id, score, breakdown, explanation, status, version, run_id)
  SELECT fresh.id, fresh.need_id, fresh.offer_id, fresh.score, fresh.breakdown, fresh.explanation, '${MatchStatus.PROPOSED}', 1, $7::varchar
  FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::double precision[], $5::text[], $6::text[])
    AS fresh(id, need_id, offer_id, score, breakdown, explanation)
  ${UPSERT_PROPOSAL_CONFLICT} ${RETURNING_CHANGED}`;

/**
 * Writes match plans with batched SQL: stored rows are read with one query per few hundred needs
 * or offers, new and rescored pairs go in as upserts (a prepared statement per row on SQLite,
 * arrays on PostgreSQL), superseded ones in one UPDATE per few hundred. Rows are written in key
 * order, so two workers writing overlapping pairs lock them in the same order and cannot deadlock.
 */
@Injectable()
export class MatchWriter {
  constructor(private readonly dataSource: DataSource) {}

  /** Every stored row of these needs, or of these offers (raw rows: no entity hydration on this hot path). */
  async storedMatches(manager: EntityManager, column: 'need_id' | 'offer_id', ids: readonly string[]): Promise<StoredMatches> {
    const sqlite = sqliteStatements(manager);
    if (sqlite) return new StoredMatches(sqlite.stored(column, ids));
    const rows: StoredMatch[] = [];
    for (const chunk of chunksOf(ids, IDS_PER_STATEMENT)) {
      const found = await manager.query<StoredMatch[]>(selectStoredMatches(column, dollarPlaceholders(chunk)), chunk);
      for (const row of found) rows.push({ ...row, score: Number(row.score), version: Number(row.version) });
    }
    return new StoredMatches(rows);
  }

  /**
   * Applies a plan made from `stored`; returns how many results stand as proposals (written now or
   * already stored as they are), so a repeated run reports the same count as the first, and the
   * events of the rows that changed status: pairs proposed for the first time or again, and
   * proposals superseded. `owners` spares looking up the owners of pairs the caller already knows.
   */
  async apply(
    manager: EntityManager,
    plan: MatchWritePlan,
    runId: string | null,
    stored: StoredMatches,
    owners?: KnownPairOwners,
  ): Promise<MatchWriteOutcome> {
    if (!manager.queryRunner) throw new Error('Matches are written inside a transaction');
    const sqlite = sqliteStatements(manager);
    const changes = sqlite ? applyOnSqlite(sqlite, plan, runId, stored) : await applyOnPostgres(manager, plan, runId, stored);
    return { proposed: plan.proposed, events: await this.eventsOf(manager, changes, owners) };
  }

  /**
   * Writes one batch of a full run with the run's progress, in one transaction. On SQLite the batch
   * runs synchronously from BEGIN to COMMIT in a turn of the transaction queue, with the relaxed
   * commit of `SqliteMatchStatements.inBatchTransaction`, and the WAL is checkpointed beside it.
   */
  async writeRunBatch(batch: RunBatch, owners: KnownPairOwners): Promise<MatchWriteOutcome> {
    const record = (proposed: number) => [batch.pairsScored, proposed] as const;
    if (dialectOf(this.dataSource) === 'sqlite') {
      const statements = new SqliteMatchStatements(sqliteConnectionOf(this.dataSource));
      const { proposed, changes } = await inExclusiveTurn(this.dataSource, () =>
        statements.inBatchTransaction(() => {
          const stored = new StoredMatches(statements.stored('need_id', batch.needIds));
          const plan = planNeedRescore(stored, batch.proposals);
          const changes = applyOnSqlite(statements, plan, batch.runId, stored);
          statements.recordRunProgress(batch.runId, ...record(plan.proposed));
          return { proposed: plan.proposed, changes };
        }),
      );
      void walCheckpointerOf(this.dataSource)?.request();
      return { proposed, events: await this.eventsOf(this.dataSource.manager, changes, owners) };
    }
    return this.dataSource.transaction(async (manager) => {
      const stored = await this.storedMatches(manager, 'need_id', batch.needIds);
      const outcome = await this.apply(manager, planNeedRescore(stored, batch.proposals), batch.runId, stored, owners);
      await manager.query(recordRunProgress(['$1', '$2', '$3']), [...record(outcome.proposed), batch.runId]);
      return outcome;
    });
  }

  /** The donor of every live offer, for the events of a full run. */
  async liveOfferDonors(manager: EntityManager): Promise<Map<string, string>> {
    const rows = await manager
      .createQueryBuilder()
      .select(['offer.id AS id', 'offer.donor_id AS "donorId"'])
      .from('offers', 'offer')
      .where('offer.status IN (:...liveOfferStatuses)', { liveOfferStatuses: LIVE_OFFER_STATUSES })
      .getRawMany<{ id: string; donorId: string }>();
    return new Map(rows.map((row) => [row.id, row.donorId]));
  }

  /** How every live need shows, for the events of a full run. */
  async liveNeedExposures(manager: EntityManager): Promise<Map<string, NeedExposure>> {
    const rows = await manager
      .createQueryBuilder()
      .select(['need.id AS id', 'need.status AS status', 'need.visibility AS visibility'])
      .from('needs', 'need')
      .where('need.status IN (:...liveNeedStatuses)', { liveNeedStatuses: LIVE_NEED_STATUSES })
      .getRawMany<{ id: string; status: NeedStatus; visibility: Visibility }>();
    return new Map(rows.map((row) => [row.id, needExposure(row)]));
  }

  /**
   * PROPOSED rows whose need or offer is no longer live, for the end of a full run; returns their
   * events. One statement per side, each reaching the rows through the index led by its own column.
   */
  async supersedeDeadPairs(manager: EntityManager): Promise<MatchEventMessage[]> {
    const quoted = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ');
    const sides = [
      `need_id IN (SELECT id FROM needs WHERE status NOT IN (${quoted(LIVE_NEED_STATUSES)})) AND status = '${MatchStatus.PROPOSED}'`,
      `offer_id IN (SELECT id FROM offers WHERE status NOT IN (${quoted(LIVE_OFFER_STATUSES)})) AND status = '${MatchStatus.PROPOSED}'`,
    ];
    const rows: ChangedRow[] = [];
    for (const condition of sides) {
      const sql = `UPDATE matches SET status = '${MatchStatus.SUPERSEDED}', updated_at = CURRENT_TIMESTAMP WHERE ${condition} ${RETURNING_CHANGED}`;
      rows.push(...(await changedRows(manager, sql, [])));
    }
    return this.eventsOf(manager, rows.map(superseded));
  }

  /** The events of these changes, with the owners of both sides that subscribers are filtered by. */
  private async eventsOf(manager: EntityManager, changes: readonly MatchChange[], known?: KnownPairOwners): Promise<MatchEventMessage[]> {
    if (changes.length === 0) return [];
    const unknown = changes.filter(
      (change) =>
        !known?.countryOfNeed.has(change.needId) || !known.exposureOfNeed.has(change.needId) || !known.donorOfOffer.has(change.offerId),
    );
    const owners = unknown.length === 0 && known ? known : await withLookedUpOwners(manager, unknown, known);
    const at = new Date().toISOString();
    return changes.map((change) => ({
      kind: change.status === MatchStatus.PROPOSED ? MatchEventKind.PROPOSED : MatchEventKind.STATUS_CHANGED,
      matchId: change.id,
      needId: change.needId,
      offerId: change.offerId,
      status: change.status,
      previousStatus: change.previousStatus,
      version: Number(change.version),
      allocatedUsd: null,
      offerDonorId: owners.donorOfOffer.get(change.offerId)!,
      needCountryIso3: owners.countryOfNeed.get(change.needId)!,
      needExposure: owners.exposureOfNeed.get(change.needId)!,
      at,
    }));
  }
}

/** `known` completed with the owners of these changes' pairs, read from the database. */
async function withLookedUpOwners(
  manager: EntityManager,
  changes: readonly MatchChange[],
  known?: KnownPairOwners,
): Promise<KnownPairOwners> {
  const donorOfOffer = new Map(known?.donorOfOffer);
  const countryOfNeed = new Map(known?.countryOfNeed);
  const exposureOfNeed = new Map(known?.exposureOfNeed);
  for (const chunk of chunksOf(changes, IDS_PER_STATEMENT)) {
    const owners = await manager
      .createQueryBuilder()
      .select([
        'need.id AS "needId"',
        'need.country_iso3 AS "countryIso3"',
        'need.status AS "status"',
        'need.visibility AS "visibility"',
        'offer.id AS "offerId"',
        'offer.donor_id AS "donorId"',
      ])
      .from('matches', 'match')
      .innerJoin('needs', 'need', 'need.id = match.need_id')
      .innerJoin('offers', 'offer', 'offer.id = match.offer_id')
      .where('match.id IN (:...ids)', { ids: chunk.map((change) => change.id) })
      .getRawMany<{ needId: string; countryIso3: string; status: NeedStatus; visibility: Visibility; offerId: string; donorId: string }>();
    for (const owner of owners) {
      donorOfOffer.set(owner.offerId, owner.donorId);
      countryOfNeed.set(owner.needId, owner.countryIso3);
      exposureOfNeed.set(owner.needId, needExposure(owner));
    }
  }
  return { donorOfOffer, countryOfNeed, exposureOfNeed };
}

/**
 * The plan's writes on SQLite, synchronously: upserts, then supersessions. SQLite has one writer at
 * a time, so the order of the rows cannot deadlock anything and they go in as the scorer gave them.
 */
function applyOnSqlite(
  statements: SqliteMatchStatements,
  plan: MatchWritePlan,
  runId: string | null,
  stored: StoredMatches,
): MatchChange[] {
  const changes: MatchChange[] = [];
  for (const row of statements.upsert(plan.upserts, runId, stored)) {
    if (isNews(row.previousStatus)) changes.push(proposed(row));
  }
  for (const row of statements.supersede(plan.supersede)) changes.push(superseded(row));
  return changes;
}

/** The plan's writes on PostgreSQL: the pairs as arrays, RETURNING saying which rows were written. */
async function applyOnPostgres(
  manager: EntityManager,
  plan: MatchWritePlan,
  runId: string | null,
  stored: StoredMatches,
): Promise<MatchChange[]> {
  const written: ChangedRow[] = [];
  for (const chunk of chunksOf(inKeyOrder(plan.upserts), ROWS_PER_INSERT)) {
    const columns = [
      chunk.map(() => newId()),
      chunk.map((pair) => pair.needId),
      chunk.map((pair) => pair.offerId),
      chunk.map((pair) => pair.score),
      chunk.map((pair) => pair.breakdownJson),
      chunk.map((pair) => pair.explanation),
    ];
    written.push(...(await changedRows(manager, UPSERT_PROPOSAL_ARRAYS, [...columns, runId])));
  }
  const supersededRows: ChangedRow[] = [];
  for (const chunk of chunksOf([...plan.supersede].sort(compare), IDS_PER_STATEMENT)) {
    supersededRows.push(...(await changedRows(manager, supersedeProposals(dollarPlaceholders(chunk)), chunk)));
  }
  const changes: MatchChange[] = [];
  for (const row of written) {
    const previousStatus = stored.get(row.needId, row.offerId)?.status ?? null;
    if (isNews(previousStatus)) changes.push(proposed({ ...row, previousStatus }));
  }
  return [...changes, ...supersededRows.map(superseded)];
}

/** A pair proposed for the first time, or again, is news; a rescored proposal is news to nobody. */
function isNews(previousStatus: MatchStatus | null): boolean {
  return previousStatus !== MatchStatus.PROPOSED;
}

function proposed(row: WrittenRow): MatchChange {
  return {
    id: row.id,
    needId: row.needId,
    offerId: row.offerId,
    version: row.version,
    previousStatus: row.previousStatus,
    status: MatchStatus.PROPOSED,
  };
}

/**
 * Runs an INSERT or UPDATE … RETURNING in the caller's transaction. Asked for a structured result,
 * both drivers give the returned rows as `records` (the plain result of an UPDATE differs between them).
 */
async function changedRows(manager: EntityManager, sql: string, parameters: unknown[]): Promise<ChangedRow[]> {
  if (!manager.queryRunner) throw new Error('Matches are written inside a transaction');
  const result = await manager.queryRunner.query(sql, parameters, true);
  return (result.records ?? []) as ChangedRow[];
}

/** The statements on the connection of TypeORM's better-sqlite3 driver; null on PostgreSQL. */
function sqliteStatements(manager: EntityManager): SqliteMatchStatements | null {
  return dialectOf(manager) === 'sqlite' ? new SqliteMatchStatements(sqliteConnectionOf(manager)) : null;
}

function inKeyOrder(pairs: readonly Proposal[]): Proposal[] {
  return [...pairs].sort((a, b) => compare(a.needId, b.needId) || compare(a.offerId, b.offerId));
}

function superseded(row: ChangedRow): MatchChange {
  return {
    id: row.id,
    needId: row.needId,
    offerId: row.offerId,
    version: row.version,
    previousStatus: MatchStatus.PROPOSED,
    status: MatchStatus.SUPERSEDED,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** PostgreSQL's placeholders for these parameters: $1, $2, … */
function dollarPlaceholders(parameters: readonly unknown[]): string {
  return parameters.map((_, index) => `$${index + 1}`).join(', ');
}
