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

/** The funding status that follows from the money approved so far, for a need that is live. */
export function fundingStatus(budgetUsd: number, fundedUsd: number): NeedStatus {
  if (fundedUsd <= 0) return NeedStatus.OPEN;
  return fundedUsd >= budgetUsd ? NeedStatus.FUNDED : NeedStatus.PARTLY_FUNDED;
}

/** Needs that can still receive matches and money. */
export const LIVE_NEED_STATUSES = [NeedStatus.OPEN, NeedStatus.PARTLY_FUNDED];

/** US dollars a need still lacks: its budget less what approved pairings fund, never below zero. */
export function fundingGapUsd(need: { estimatedBudgetUsd: number; fundedUsd: number }): number {
  return Math.max(need.estimatedBudgetUsd - need.fundedUsd, 0);
}
