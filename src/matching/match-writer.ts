import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../common/entity-id';
import { Match, MatchStatus, ScoreBreakdown } from './entities/match.entity';
import { MatchWritePlan, StoredMatch } from './match-write-plan';
import { LIVE_NEED_STATUSES, LIVE_OFFER_STATUSES } from './scoring-input.repository';
import { PairScore } from './scoring';

/** Rows per INSERT statement; 9 parameters each stays far below every driver's parameter limit. */
const ROWS_PER_INSERT = 500;
/** Ids per IN list. */
const IDS_PER_STATEMENT = 500;

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
   * Applies a plan; returns how many results stand as proposals (written now or already stored as
   * they are), so a repeated run reports the same count as the first. Rows are written in key order,
   * so two workers writing overlapping pairs lock them in the same order and cannot deadlock. The
   * upsert repeats the engine-ownership rule of the plan in SQL: a decision taken between the read
   * and this write is still never overwritten.
   */
  async apply(manager: EntityManager, plan: MatchWritePlan, runId: string | null): Promise<number> {
    const postgres = manager.connection.options.type === 'postgres';
    const placeholder = (index: number) => (postgres ? `$${index}` : '?');
    const inKeyOrder = [...plan.upserts].sort((a, b) => compare(a.needId, b.needId) || compare(a.offerId, b.offerId));
    for (const chunk of chunksOf(inKeyOrder, ROWS_PER_INSERT)) {
      const parameters: unknown[] = [];
      const rows = chunk.map((pair) => {
        const values = [newId(), pair.needId, pair.offerId, pair.score, JSON.stringify(storedBreakdown(pair)), pair.explanation, MatchStatus.PROPOSED, 1, runId];
        const first = parameters.length + 1;
        parameters.push(...values);
        return `(${values.map((_, offset) => placeholder(first + offset)).join(', ')})`;
      });
      await manager.query(
        `INSERT INTO matches (id, need_id, offer_id, score, breakdown, explanation, status, version, run_id) VALUES ${rows.join(', ')}
         ON CONFLICT (need_id, offer_id) DO UPDATE SET score = excluded.score, breakdown = excluded.breakdown,
           explanation = excluded.explanation, status = excluded.status, run_id = excluded.run_id, updated_at = CURRENT_TIMESTAMP
         WHERE matches.status = '${MatchStatus.PROPOSED}' OR (matches.status = '${MatchStatus.SUPERSEDED}' AND matches.version = 1)`,
        parameters,
      );
    }
    await this.supersede(manager, [...plan.supersede].sort(compare));
    return plan.proposed;
  }

  /** PROPOSED rows whose need or offer is no longer live; for the end of a full run. */
  async supersedeDeadPairs(manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Match)
      .set({ status: MatchStatus.SUPERSEDED })
      .where('status = :proposed', { proposed: MatchStatus.PROPOSED })
      .andWhere(
        `(need_id IN (SELECT id FROM needs WHERE status NOT IN (:...liveNeeds)) OR offer_id IN (SELECT id FROM offers WHERE status NOT IN (:...liveOffers)))`,
        { liveNeeds: LIVE_NEED_STATUSES, liveOffers: LIVE_OFFER_STATUSES },
      )
      .execute();
  }

  private async supersede(manager: EntityManager, ids: readonly string[]): Promise<void> {
    for (const chunk of chunksOf(ids, IDS_PER_STATEMENT)) {
      await manager
        .createQueryBuilder()
        .update(Match)
        .set({ status: MatchStatus.SUPERSEDED })
        .where('id IN (:...ids)', { ids: chunk })
        .andWhere('status = :proposed', { proposed: MatchStatus.PROPOSED })
        .execute();
    }
  }
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
