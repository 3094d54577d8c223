import type { Database as SqliteConnection } from 'better-sqlite3';
import { newId } from '../../common/entity-id';
import { keptStatement } from '../../database/sqlite-statements';
import { MatchStatus } from '../../domain/statuses';
import { StoredMatch, StoredMatches } from './match-write-plan';
import {
  chunksOf,
  ChangedRow,
  IDS_PER_STATEMENT,
  recordRunProgress,
  selectStoredMatches,
  supersedeProposals,
  UPSERT_PROPOSAL_CONFLICT,
  WrittenRow,
} from './match-sql';
import { Proposal } from './proposal';

/** One proposal per execution, prepared once per connection. */
const UPSERT_ONE_PROPOSAL = `INSERT INTO matches (id, need_id, offer_id, score, breakdown, explanation, status, version, run_id)
  VALUES (?, ?, ?, ?, ?, ?, '${MatchStatus.PROPOSED}', 1, ?) ${UPSERT_PROPOSAL_CONFLICT}`;

const questionMarks = (items: readonly unknown[]) => items.map(() => '?').join(', ');

/**
 * The match writer's statements on SQLite, run synchronously on the connection TypeORM's
 * better-sqlite3 driver shares between all callers: inside a TypeORM transaction they are part of
 * it, and a full run's batch runs them from BEGIN to COMMIT with nothing in between.
 */
export class SqliteMatchStatements {
  constructor(private readonly handle: SqliteConnection) {}

  stored(column: 'need_id' | 'offer_id', ids: readonly string[]): StoredMatch[] {
    return chunksOf(ids, IDS_PER_STATEMENT).flatMap(
      (chunk) => this.handle.prepare(selectStoredMatches(column, questionMarks(chunk))).all(...chunk) as StoredMatch[],
    );
  }

  /**
   * Upserts proposals under the engine-ownership rule and returns the rows actually written, new
   * rows with time-ordered ids. One prepared single-row statement per pair is far less work per row
   * than a multi-row VALUES statement, and RETURNING would cost as much again as the write: the
   * stored rows were read in the same transaction, which holds the only write lock, so they tell
   * each written row's id and version exactly.
   */
  upsert(pairs: readonly Proposal[], runId: string | null, stored: StoredMatches): WrittenRow[] {
    const upsert = keptStatement(this.handle, UPSERT_ONE_PROPOSAL);
    const written: WrittenRow[] = [];
    for (const pair of pairs) {
      const id = newId();
      if (upsert.run(id, pair.needId, pair.offerId, pair.score, pair.breakdownJson, pair.explanation, runId).changes === 0) continue;
      const existing = stored.get(pair.needId, pair.offerId);
      written.push({
        id: existing?.id ?? id,
        needId: pair.needId,
        offerId: pair.offerId,
        version: existing?.version ?? 1,
        previousStatus: existing?.status ?? null,
      });
    }
    return written;
  }

  /** Marks these PROPOSED rows SUPERSEDED; returns those it changed. */
  supersede(ids: readonly string[]): ChangedRow[] {
    return chunksOf(ids, IDS_PER_STATEMENT).flatMap(
      (chunk) => this.handle.prepare(supersedeProposals(questionMarks(chunk))).all(...chunk) as ChangedRow[],
    );
  }

  recordRunProgress(runId: string, pairsScored: number, matchesUpserted: number): void {
    keptStatement(this.handle, recordRunProgress(['?', '?', '?'])).run(pairsScored, matchesUpserted, runId);
  }

  /**
   * Runs `work` in a transaction of its own, committed without waiting for the disk and without
   * checkpointing the WAL: for a full run's batches, which are derived data written ~20,000 rows at
   * a time. What survives a crash of the process is unchanged (every commit is in the WAL); a power
   * cut may lose the last batches, never corrupt the file, and the run is not SUCCEEDED until a
   * commit with the connection's own setting (synchronous = FULL) has synced the WAL, batches
   * included. The WalCheckpointer moves the batches into the database file beside the run. The
   * settings are the connection's, so they are put back before anything else can run on it.
   */
  inBatchTransaction<T>(work: () => T): T {
    const synchronous = this.handle.pragma('synchronous', { simple: true });
    const autoCheckpoint = this.handle.pragma('wal_autocheckpoint', { simple: true });
    this.handle.pragma('synchronous = NORMAL');
    this.handle.pragma('wal_autocheckpoint = 0');
    try {
      this.handle.exec('BEGIN IMMEDIATE');
      const result = work();
      this.handle.exec('COMMIT');
      return result;
    } finally {
      if (this.handle.inTransaction) this.handle.exec('ROLLBACK');
      this.handle.pragma(`synchronous = ${Number(synchronous)}`);
      this.handle.pragma(`wal_autocheckpoint = ${Number(autoCheckpoint)}`);
    }
  }
}
