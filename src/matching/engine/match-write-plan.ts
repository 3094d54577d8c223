import { MatchStatus } from '../../domain/statuses';
import { Proposal } from './proposal';

/** What the engine needs to know about a stored match to decide whether it may touch it. */
export interface StoredMatch {
  id: string;
  needId: string;
  offerId: string;
  score: number;
  explanation: string;
  status: MatchStatus;
  version: number;
}

/** Rows to write: pairs to insert or rescore, and ids of PROPOSED rows to mark SUPERSEDED. */
export interface MatchWritePlan {
  upserts: Proposal[];
  supersede: string[];
  /** Results that stand as proposals afterwards: the upserts plus those already stored as they are. */
  proposed: number;
}

/**
 * Stored rows of some needs, looked up by pair. Keyed by need, then offer: a full run's batch looks
 * up some 20,000 pairs, and a key string made of both ids for each would be as many allocations.
 */
export class StoredMatches {
  private readonly byNeed = new Map<string, Map<string, StoredMatch>>();

  constructor(readonly rows: readonly StoredMatch[]) {
    for (const row of rows) {
      const ofNeed = this.byNeed.get(row.needId);
      if (ofNeed) ofNeed.set(row.offerId, row);
      else this.byNeed.set(row.needId, new Map([[row.offerId, row]]));
    }
  }

  get(needId: string, offerId: string): StoredMatch | undefined {
    return this.byNeed.get(needId)?.get(offerId);
  }
}

/** A PROPOSED row that already says exactly this needs no write. */
function isUnchanged(existing: StoredMatch, result: Proposal): boolean {
  return existing.status === MatchStatus.PROPOSED && existing.score === result.score && existing.explanation === result.explanation;
}

/** Whether a result may stand as a proposal: no person has acted on its pair. */
function mayPropose(existing: StoredMatch | undefined): boolean {
  return !existing || isEngineOwned(existing);
}

/**
 * The engine owns PROPOSED rows and the SUPERSEDED rows it superseded itself (no decision was ever
 * taken on them, so their version is still the first). Every other row records a person's decision
 * and is never rewritten.
 */
export function isEngineOwned(match: Pick<StoredMatch, 'status' | 'version'>): boolean {
  return match.status === MatchStatus.PROPOSED || (match.status === MatchStatus.SUPERSEDED && match.version === 1);
}

/**
 * Rescoring whole needs: `results` are all the matches these needs should now have (their top K),
 * `stored` every stored row of the same needs. Results land unless a person acted on the pair (or
 * the row already says the same); PROPOSED rows that are no longer among the results are superseded.
 */
export function planNeedRescore(stored: StoredMatches, results: readonly Proposal[]): MatchWritePlan {
  // Needs scored for the first time, as in a full run on a new market: every result is new.
  if (stored.rows.length === 0) return { upserts: [...results], proposed: results.length, supersede: [] };
  const plan: MatchWritePlan = { upserts: [], supersede: [], proposed: 0 };
  const resulted = new Set<StoredMatch>();
  for (const result of results) {
    const existing = stored.get(result.needId, result.offerId);
    if (existing) resulted.add(existing);
    if (!mayPropose(existing)) continue;
    plan.proposed++;
    if (!existing || !isUnchanged(existing, result)) plan.upserts.push(result);
  }
  for (const match of stored.rows) {
    if (match.status === MatchStatus.PROPOSED && !resulted.has(match)) plan.supersede.push(match.id);
  }
  return plan;
}
