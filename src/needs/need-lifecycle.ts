import { ConflictError } from '../common/errors/domain-errors';
import { NeedStatus } from '../domain/statuses';

/**
 * What a person may do to a need in each state. Funding states (PARTLY_FUNDED, FUNDED) are set by
 * pairing decisions, never by hand, and a need holding approved money cannot be withdrawn until those
 * pairings are declined or rejected.
 */
const EDITABLE = new Set([NeedStatus.DRAFT, NeedStatus.OPEN, NeedStatus.PARTLY_FUNDED]);
const WITHDRAWABLE = new Set([NeedStatus.DRAFT, NeedStatus.OPEN]);

export function assertNeedEditable(status: NeedStatus): void {
  if (!EDITABLE.has(status)) throw new ConflictError(`A ${status} need can no longer be edited.`);
}

export function assertNeedPublishable(status: NeedStatus): void {
  if (status !== NeedStatus.DRAFT) throw new ConflictError(`Only a DRAFT need can be published; this one is ${status}.`);
}

export function assertNeedWithdrawable(status: NeedStatus): void {
  if (!WITHDRAWABLE.has(status)) {
    const why = status === NeedStatus.PARTLY_FUNDED || status === NeedStatus.FUNDED ? ' while approved pairings fund it' : '';
    throw new ConflictError(`A ${status} need cannot be withdrawn${why}.`);
  }
}

/** What a need's funding amounts are made of: money approved through pairings and money from other sources. */
export interface NeedFunding {
  estimatedBudgetUsd: number;
  /** Approved by pairings here; always the sum of the need's live pairings' allocations. */
  fundedUsd: number;
  /** Recorded by the state or the Secretariat as coming from other sources (recordOtherFunding). */
  fundedElsewhereUsd: number;
}

/** US dollars of the budget already covered, from pairings here or from elsewhere. */
export function coveredUsd(need: Pick<NeedFunding, 'fundedUsd' | 'fundedElsewhereUsd'>): number {
  return need.fundedUsd + need.fundedElsewhereUsd;
}

/** The funding status that follows from the money covered so far, for a need that is live. */
export function fundingStatus(need: NeedFunding): NeedStatus {
  const covered = coveredUsd(need);
  if (covered <= 0) return NeedStatus.OPEN;
  return covered >= need.estimatedBudgetUsd ? NeedStatus.FUNDED : NeedStatus.PARTLY_FUNDED;
}

/** Needs that can still receive matches and money. */
export const LIVE_NEED_STATUSES = [NeedStatus.OPEN, NeedStatus.PARTLY_FUNDED];

/**
 * US dollars a need still lacks: its budget less what approved pairings and other sources fund, never
 * below zero. Matching, allocation and every display of the gap use this rule, or FUNDING_GAP_SQL.
 */
export function fundingGapUsd(need: NeedFunding): number {
  return Math.max(need.estimatedBudgetUsd - coveredUsd(need), 0);
}

/** fundingGapUsd for queries over the `needs` table aliased `need` (may be negative: callers clamp or compare). */
export const FUNDING_GAP_SQL = '(need.estimated_budget_usd - need.funded_usd - need.funded_elsewhere_usd)';
