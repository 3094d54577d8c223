import { MatchStatus } from '../../domain/statuses';

/**
 * What the match writer's SQLite and PostgreSQL paths share: statement texts (each takes its
 * dialect's placeholders, `?` or `$n`), the rows they return, and how ids are chunked.
 */

/** A row the engine moved: which pair, and its id and version as stored. */
export interface ChangedRow {
  id: string;
  needId: string;
  offerId: string;
  version: number | string;
}

/** A row an upsert wrote, and the status it had before (null: a new row). */
export interface WrittenRow extends ChangedRow {
  previousStatus: MatchStatus | null;
}

/** Ids per IN list. */
export const IDS_PER_STATEMENT = 500;

export const RETURNING_CHANGED = 'RETURNING id, need_id AS "needId", offer_id AS "offerId", version';

/** What the engine reads of a stored match, for rows of some needs or some offers. */
export function selectStoredMatches(column: 'need_id' | 'offer_id', placeholders: string): string {
  return `SELECT id, need_id AS "needId", offer_id AS "offerId", score, explanation, status, version FROM matches WHERE ${column} IN (${placeholders})`;
}

/**
 * The engine-ownership rule of the plan, repeated in SQL: a decision taken between the read and the
 * write is still never overwritten. Both dialects (SQLite ≥ 3.24, PostgreSQL) understand it.
 */
export const UPSERT_PROPOSAL_CONFLICT = `ON CONFLICT (need_id, offer_id) DO UPDATE SET score = excluded.score, breakdown = excluded.breakdown,
    explanation = excluded.explanation, status = excluded.status, run_id = excluded.run_id, updated_at = CURRENT_TIMESTAMP
  WHERE matches.status = '${MatchStatus.PROPOSED}' OR (matches.status = '${MatchStatus.SUPERSEDED}' AND matches.version = 1)`;

/** Marks the PROPOSED rows among these ids SUPERSEDED, returning those it changed. */
export function supersedeProposals(placeholders: string): string {
  return `UPDATE matches SET status = '${MatchStatus.SUPERSEDED}', updated_at = CURRENT_TIMESTAMP
    WHERE id IN (${placeholders}) AND status = '${MatchStatus.PROPOSED}' ${RETURNING_CHANGED}`;
}

/**
 * Adds a batch's counts (pairs scored, proposals written) to its run's: the parts of a run write
 * their batches side by side.
 */
export function recordRunProgress([pairsScored, matchesUpserted, runId]: readonly [string, string, string]): string {
  return `UPDATE matching_runs SET pairs_scored = pairs_scored + ${pairsScored}, matches_upserted = matches_upserted + ${matchesUpserted} WHERE id = ${runId}`;
}

export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
