import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MatchEventKind, MatchEventMessage } from '../match-events/match-event';
import { Match, MatchStatus, ScoreBreakdown } from './entities/match.entity';
import { MatchWritePlan, pairKey, StoredMatch } from './match-write-plan';
import { LIVE_NEED_STATUSES, LIVE_OFFER_STATUSES } from './scoring-input.repository';
import { PairScore } from './scoring';

/** Rows per INSERT statement on PostgreSQL: seven parameters (six arrays and the run) whatever the number of rows. */
const ROWS_PER_INSERT = 2_000;
/** Ids per IN list. */
const IDS_PER_STATEMENT = 500;

/** A row the engine moved, as RETURNING reports it (or, for SQLite's upserts, the stored rows tell). */
interface ChangedRow {
  id: string;
  needId: string;
  offerId: string;
  version: number | string;
}

/** A row the engine moved, and the status it had before. */
interface MatchChange extends ChangedRow {
  status: MatchStatus.PROPOSED | MatchStatus.SUPERSEDED;
  previousStatus: MatchStatus | null;
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
  donorOfOffer: ReadonlyMap<string, string>;
}

/** The part of a better-sqlite3 connection the SQLite write path uses. */
interface SqliteHandle {
  prepare(sql: string): SqliteStatement;
}
interface SqliteStatement {
  run(...parameters: unknown[]): { changes: number };
}

const RETURNING_CHANGED = 'RETURNING id, need_id AS "needId", offer_id AS "offerId", version';

/**
 * The engine-ownership rule of the plan, repeated in SQL: a decision taken between the read and the
 * write is still never overwritten.
 */
const UPSERT_PROPOSAL_CONFLICT = `ON CONFLICT (need_id, offer_id) DO UPDATE SET score = excluded.score, breakdown = excluded.breakdown,
    explanation = excluded.explanation, status = excluded.status, run_id = excluded.run_id, updated_at = CURRENT_TIMESTAMP
  WHERE matches.status = '${MatchStatus.PROPOSED}' OR (matches.status = '${MatchStatus.SUPERSEDED}' AND matches.version = 1)`;

/** One proposal per execution, prepared once per connection (SQLite). */
const UPSERT_ONE_PROPOSAL = `INSERT INTO matches (id, need_id, offer_id, score, breakdown, explanation, status, version, run_id)
  VALUES (?, ?, ?, ?, ?, ?, '${MatchStatus.PROPOSED}', 1, ?) ${UPSERT_PROPOSAL_CONFLICT}`;

/** Many proposals from parallel arrays, one plan whatever their number (PostgreSQL). */
const UPSERT_PROPOSAL_ARRAYS = `INSERT INTO matches (id, need_id, offer_id, score, breakdown, explanation, status, version, run_id)
  SELECT fresh.id, fresh.need_id, fresh.offer_id, fresh.score, fresh.breakdown, fresh.explanation, '${MatchStatus.PROPOSED}', 1, $7::varchar
  FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::double precision[], $5::text[], $6::text[])
    AS fresh(id, need_id, offer_id, score, breakdown, explanation)
  ${UPSERT_PROPOSAL_CONFLICT} ${RETURNING_CHANGED}`;

/** The leading part of new ids, made once per millisecond. */
const idPrefix = { millis: -1, text: '' };

/** The prepared single-row upsert of each SQLite connection. */
const preparedUpserts = new WeakMap<SqliteHandle, SqliteStatement>();

/**
 * Writes match plans with batched SQL: stored rows are read with one query per few hundred needs
 * or offers, new and rescored pairs go in as upserts (a prepared statement per row on SQLite,
 * arrays on PostgreSQL), superseded ones in one UPDATE per few hundred.
 * Both dialects (SQLite ≥ 3.24, PostgreSQL) understand the same `ON CONFLICT … DO UPDATE … WHERE`.
 */
@Injectable()
export class MatchWriter {
  /** Every stored row of these needs, or of these offers (raw rows: no entity hydration on this hot path). */
  async storedMatches(manager: EntityManager, column: 'need_id' | 'offer_id', ids: readonly string[]): Promise<StoredMatch[]> {
    const rows: StoredMatch[] = [];
    for (const chunk of chunksOf(ids, IDS_PER_STATEMENT)) {
      const found = await manager
        .createQueryBuilder()
        .select(['stored.id AS id', 'stored.need_id AS "needId"', 'stored.offer_id AS "offerId"', 'stored.score AS score'])
        .addSelect(['stored.explanation AS explanation', 'stored.status AS status', 'stored.version AS version'])
        .from(Match, 'stored')
        .where(`stored.${column} IN (:...ids)`, { ids: chunk })
        .getRawMany<StoredMatch>();
      for (const row of found) rows.push({ ...row, score: Number(row.score), version: Number(row.version) });
    }
    return rows;
  }

  /**
   * Applies a plan made from `stored`; returns how many results stand as proposals (written now or
   * already stored as they are), so a repeated run reports the same count as the first, and the
   * events of the rows that changed status: pairs proposed for the first time or again, and
   * proposals superseded. Rows are written in key order, so two workers writing overlapping pairs
   * lock them in the same order and cannot deadlock. `owners` spares looking up the owners of pairs
   * the caller already knows.
   */
  async apply(
    manager: EntityManager,
    plan: MatchWritePlan,
    runId: string | null,
    stored: readonly StoredMatch[],
    owners?: KnownPairOwners,
  ): Promise<MatchWriteOutcome> {
    const storedByPair = new Map(stored.map((match) => [pairKey(match.needId, match.offerId), match]));
    const changes: MatchChange[] = [];
    const inKeyOrder = [...plan.upserts].sort((a, b) => compare(a.needId, b.needId) || compare(a.offerId, b.offerId));
    for (const row of await upsertProposals(manager, inKeyOrder, runId, storedByPair)) {
      const previousStatus = storedByPair.get(pairKey(row.needId, row.offerId))?.status ?? null;
      // A rescored proposal is news to nobody; a new or revived one is.
      if (previousStatus !== MatchStatus.PROPOSED) changes.push({ ...row, status: MatchStatus.PROPOSED, previousStatus });
    }
    changes.push(...(await this.supersede(manager, [...plan.supersede].sort(compare))));
    return { proposed: plan.proposed, events: await this.eventsOf(manager, changes, owners) };
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

  /**
   * PROPOSED rows whose need or offer is no longer live, for the end of a full run; returns their
   * events. One statement per side, each reaching the rows through the index led by its own column:
   * on the need side the status is tested through an expression, because SQLite, without table
   * statistics, would otherwise walk the (status, score) index through every proposal.
   */
  async supersedeDeadPairs(manager: EntityManager): Promise<MatchEventMessage[]> {
    const quoted = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ');
    const sides = [
      `need_id IN (SELECT id FROM needs WHERE status NOT IN (${quoted(LIVE_NEED_STATUSES)}))
         AND (CASE status WHEN '${MatchStatus.PROPOSED}' THEN 1 END) = 1`,
      `offer_id IN (SELECT id FROM offers WHERE status NOT IN (${quoted(LIVE_OFFER_STATUSES)})) AND status = '${MatchStatus.PROPOSED}'`,
    ];
    const rows: ChangedRow[] = [];
    for (const condition of sides) {
      const sql = `UPDATE matches SET status = '${MatchStatus.SUPERSEDED}', updated_at = CURRENT_TIMESTAMP WHERE ${condition} ${RETURNING_CHANGED}`;
      rows.push(...(await changedRows(manager, sql, [])));
    }
    return this.eventsOf(manager, rows.map(superseded));
  }

  private async supersede(manager: EntityManager, ids: readonly string[]): Promise<MatchChange[]> {
    const postgres = manager.connection.options.type === 'postgres';
    const changes: MatchChange[] = [];
    for (const chunk of chunksOf(ids, IDS_PER_STATEMENT)) {
      const list = chunk.map((_, index) => (postgres ? `$${index + 1}` : '?')).join(', ');
      const rows = await changedRows(
        manager,
        `UPDATE matches SET status = '${MatchStatus.SUPERSEDED}', updated_at = CURRENT_TIMESTAMP
         WHERE id IN (${list}) AND status = '${MatchStatus.PROPOSED}' ${RETURNING_CHANGED}`,
        chunk,
      );
      changes.push(...rows.map(superseded));
    }
    return changes;
  }

  /** The events of these changes, with the owners of both sides that subscribers are filtered by. */
  private async eventsOf(manager: EntityManager, changes: readonly MatchChange[], known?: KnownPairOwners): Promise<MatchEventMessage[]> {
    const donorOfOffer = new Map(known?.donorOfOffer);
    const countryOfNeed = new Map(known?.countryOfNeed);
    const unknown = changes.filter((change) => !countryOfNeed.has(change.needId) || !donorOfOffer.has(change.offerId));
    for (const chunk of chunksOf(unknown, IDS_PER_STATEMENT)) {
      const owners = await manager
        .createQueryBuilder()
        .select(['need.id AS "needId"', 'need.country_iso3 AS "countryIso3"', 'offer.id AS "offerId"', 'offer.donor_id AS "donorId"'])
        .from('matches', 'match')
        .innerJoin('needs', 'need', 'need.id = match.need_id')
        .innerJoin('offers', 'offer', 'offer.id = match.offer_id')
        .where('match.id IN (:...ids)', { ids: chunk.map((change) => change.id) })
        .getRawMany<{ needId: string; countryIso3: string; offerId: string; donorId: string }>();
      for (const owner of owners) {
        donorOfOffer.set(owner.offerId, owner.donorId);
        countryOfNeed.set(owner.needId, owner.countryIso3);
      }
    }
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
      offerDonorId: donorOfOffer.get(change.offerId)!,
      needCountryIso3: countryOfNeed.get(change.needId)!,
      at,
    }));
  }
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

/**
 * Upserts proposals under the engine-ownership rule and returns the rows actually written, new
 * rows with time-ordered ids. PostgreSQL takes the pairs as arrays, and RETURNING says which rows
 * were written. SQLite runs one prepared single-row statement per pair on the transaction's own
 * connection, far less work per row than a multi-row VALUES statement, and without RETURNING, which
 * costs as much again as the write: there the stored rows were read in the same transaction, which
 * holds the only write lock, so they tell each written row's id and version exactly.
 */
async function upsertProposals(
  manager: EntityManager,
  pairs: readonly PairScore[],
  runId: string | null,
  storedByPair: ReadonlyMap<string, StoredMatch>,
): Promise<ChangedRow[]> {
  if (!manager.queryRunner) throw new Error('Matches are written inside a transaction');
  if (pairs.length === 0) return [];
  if (manager.connection.options.type === 'postgres') {
    const written: ChangedRow[] = [];
    for (const chunk of chunksOf(pairs, ROWS_PER_INSERT)) {
      const columns = [
        chunk.map(() => timeOrderedId()),
        chunk.map((pair) => pair.needId),
        chunk.map((pair) => pair.offerId),
        chunk.map((pair) => pair.score),
        chunk.map((pair) => JSON.stringify(storedBreakdown(pair))),
        chunk.map((pair) => pair.explanation),
      ];
      written.push(...(await changedRows(manager, UPSERT_PROPOSAL_ARRAYS, [...columns, runId])));
    }
    return written;
  }
  const upsert = preparedUpsert(manager.connection.driver as unknown as { databaseConnection: SqliteHandle });
  const written: ChangedRow[] = [];
  for (const pair of pairs) {
    const id = timeOrderedId();
    const { changes } = upsert.run(id, pair.needId, pair.offerId, pair.score, JSON.stringify(storedBreakdown(pair)), pair.explanation, runId);
    if (changes === 0) continue;
    const existing = storedByPair.get(pairKey(pair.needId, pair.offerId));
    written.push({ id: existing?.id ?? id, needId: pair.needId, offerId: pair.offerId, version: existing?.version ?? 1 });
  }
  return written;
}

/**
 * A new match row's id: UUIDv7-style, led by the current millisecond, so the rows of a run append to
 * the primary key's B-tree instead of landing on random pages; still an opaque 36-character string.
 */
function timeOrderedId(): string {
  const now = Date.now();
  if (now !== idPrefix.millis) {
    const hex = now.toString(16).padStart(12, '0');
    idPrefix.millis = now;
    idPrefix.text = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7`;
  }
  return idPrefix.text + randomUUID().slice(15);
}

/**
 * The single-row upsert of the one connection TypeORM's better-sqlite3 driver shares between all
 * callers; statements run on it inside a TypeORM transaction are part of that transaction.
 */
function preparedUpsert(driver: { databaseConnection: SqliteHandle }): SqliteStatement {
  const connection = driver.databaseConnection;
  let statement = preparedUpserts.get(connection);
  if (!statement) {
    statement = connection.prepare(UPSERT_ONE_PROPOSAL);
    preparedUpserts.set(connection, statement);
  }
  return statement;
}

function superseded(row: ChangedRow): MatchChange {
  return { ...row, status: MatchStatus.SUPERSEDED, previousStatus: MatchStatus.PROPOSED };
}

/**
 * The stored breakdown has a number for every factor: a gender factor that does not count for the
 * pair (the offer shows no interest in gender) is stored as 0, and the explanation says nothing of it.
 */
function storedBreakdown(pair: PairScore): ScoreBreakdown {
  return { ...pair.breakdown, gender: pair.breakdown.gender ?? 0 };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
