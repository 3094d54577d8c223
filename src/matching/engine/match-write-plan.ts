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

/**
 * Rescoring one offer against every need. `results` are the offer's passing pairs (any rank);
 * `stored` holds, for every need concerned, its stored rows with any offer. A pair is kept when it
 * ranks within the need's top K among the need's standing matches (every row not superseded);
 * a PROPOSED row of another offer that it pushes out of the top K is superseded, and so is a
 * PROPOSED row of this offer that no longer passes or ranks.
 */
export function planOfferRescore(offerId: string, stored: StoredMatches, results: readonly Proposal[], topK: number): MatchWritePlan {
  const standingByNeed = new Map<string, StoredMatch[]>();
  const ownRowByNeed = new Map<string, StoredMatch>();
  for (const match of stored.rows) {
    if (match.offerId === offerId) ownRowByNeed.set(match.needId, match);
    else if (match.status !== MatchStatus.SUPERSEDED) {
      const standing = standingByNeed.get(match.needId);
      if (standing) standing.push(match);
      else standingByNeed.set(match.needId, [match]);
    }
  }
  const plan: MatchWritePlan = { upserts: [], supersede: [], proposed: 0 };
  const kept = new Set<string>();
  for (const result of results) {
    const others = (standingByNeed.get(result.needId) ?? []).sort(byRank);
    const rank = others.filter((other) => byRank(other, result) < 0).length;
    if (rank >= topK) continue;
    kept.add(result.needId);
    const own = ownRowByNeed.get(result.needId);
    if (mayPropose(own)) {
      plan.proposed++;
      if (!own || !isUnchanged(own, result)) plan.upserts.push(result);
    }
    // The others now ranked from topK on fall out of the top K.
    for (const pushedOut of others.slice(topK - 1)) {
      if (pushedOut.status === MatchStatus.PROPOSED) plan.supersede.push(pushedOut.id);
    }
  }
  for (const [needId, own] of ownRowByNeed) {
    if (!kept.has(needId) && own.status === MatchStatus.PROPOSED) plan.supersede.push(own.id);
  }
  return plan;
}

/** Best first; equal scores go to the lower offer id, as in the scorer. */
function byRank(a: Pick<StoredMatch, 'score' | 'offerId'>, b: Pick<StoredMatch, 'score' | 'offerId'>): number {
  return b.score - a.score || (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0);
}
