import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../common/entity-id';
import { MatchEventKind, MatchEventMessage } from '../match-events/match-event';
import { Match, MatchStatus, ScoreBreakdown } from './entities/match.entity';
import { MatchWritePlan, pairKey, StoredMatch } from './match-write-plan';
import { LIVE_NEED_STATUSES, LIVE_OFFER_STATUSES } from './scoring-input.repository';
import { PairScore } from './scoring';

/** Rows per INSERT statement; 9 parameters each stays far below every driver's parameter limit. */
const ROWS_PER_INSERT = 500;
/** Ids per IN list. */
const IDS_PER_STATEMENT = 500;

/** A row the engine moved, as RETURNING reports it. */
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

const RETURNING_CHANGED = 'RETURNING id, need_id AS "needId", offer_id AS "offerId", version';

/**
 * Writes match plans with batched SQL: stored rows are read with one query per few hundred needs
 * or offers, new and rescored pairs go in as multi-row upserts, superseded ones in one UPDATE.
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
   * lock them in the same order and cannot deadlock. The upsert repeats the engine-ownership rule of
   * the plan in SQL: a decision taken between the read and this write is still never overwritten,
   * and RETURNING reports only the rows actually written.
   */
  async apply(manager: EntityManager, plan: MatchWritePlan, runId: string | null, stored: readonly StoredMatch[]): Promise<MatchWriteOutcome> {
    const postgres = manager.connection.options.type === 'postgres';
    const placeholder = (index: number) => (postgres ? `$${index}` : '?');
    const statusBefore = new Map(stored.map((match) => [pairKey(match.needId, match.offerId), match.status]));
    const changes: MatchChange[] = [];
    const inKeyOrder = [...plan.upserts].sort((a, b) => compare(a.needId, b.needId) || compare(a.offerId, b.offerId));
    for (const chunk of chunksOf(inKeyOrder, ROWS_PER_INSERT)) {
      const parameters: unknown[] = [];
      const rows = chunk.map((pair) => {
        const values = [newId(), pair.needId, pair.offerId, pair.score, JSON.stringify(storedBreakdown(pair)), pair.explanation, MatchStatus.PROPOSED, 1, runId];
        const first = parameters.length + 1;
        parameters.push(...values);
        return `(${values.map((_, offset) => placeholder(first + offset)).join(', ')})`;
      });
      const written = await changedRows(
        manager,
        `INSERT INTO matches (id, need_id, offer_id, score, breakdown, explanation, status, version, run_id) VALUES ${rows.join(', ')}
         ON CONFLICT (need_id, offer_id) DO UPDATE SET score = excluded.score, breakdown = excluded.breakdown,
           explanation = excluded.explanation, status = excluded.status, run_id = excluded.run_id, updated_at = CURRENT_TIMESTAMP
         WHERE matches.status = '${MatchStatus.PROPOSED}' OR (matches.status = '${MatchStatus.SUPERSEDED}' AND matches.version = 1)
         ${RETURNING_CHANGED}`,
        parameters,
      );
      for (const row of written) {
        const previousStatus = statusBefore.get(pairKey(row.needId, row.offerId)) ?? null;
        // A rescored proposal is news to nobody; a new or revived one is.
        if (previousStatus !== MatchStatus.PROPOSED) changes.push({ ...row, status: MatchStatus.PROPOSED, previousStatus });
      }
    }
    changes.push(...(await this.supersede(manager, [...plan.supersede].sort(compare))));
    return { proposed: plan.proposed, events: await this.eventsOf(manager, changes) };
  }

  /** PROPOSED rows whose need or offer is no longer live, for the end of a full run; returns their events. */
  async supersedeDeadPairs(manager: EntityManager): Promise<MatchEventMessage[]> {
    const quoted = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ');
    const rows = await changedRows(
      manager,
      `UPDATE matches SET status = '${MatchStatus.SUPERSEDED}', updated_at = CURRENT_TIMESTAMP
       WHERE status = '${MatchStatus.PROPOSED}'
         AND (need_id IN (SELECT id FROM needs WHERE status NOT IN (${quoted(LIVE_NEED_STATUSES)}))
           OR offer_id IN (SELECT id FROM offers WHERE status NOT IN (${quoted(LIVE_OFFER_STATUSES)})))
       ${RETURNING_CHANGED}`,
      [],
    );
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
  private async eventsOf(manager: EntityManager, changes: readonly MatchChange[]): Promise<MatchEventMessage[]> {
    const donorOfOffer = new Map<string, string>();
    const countryOfNeed = new Map<string, string>();
    for (const chunk of chunksOf(changes, IDS_PER_STATEMENT)) {
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
