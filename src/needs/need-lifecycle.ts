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

/** Needs asking for money, and stale ones waiting to be renewed, are reconfirmed; drafts are not yet asking and the rest no longer are. */
const RECONFIRMABLE = new Set([NeedStatus.OPEN, NeedStatus.PARTLY_FUNDED, NeedStatus.STALE]);

export function assertNeedReconfirmable(status: NeedStatus): void {
  if (!RECONFIRMABLE.has(status))
    throw new ConflictError(`A ${status} need is not reconfirmed; only OPEN, PARTLY_FUNDED and STALE needs are.`);
}

/** Says why a funded need cannot be withdrawn: approved pairings, or only money recorded from other sources. */
export function assertNeedWithdrawable(need: Pick<NeedFunding, 'fundedUsd' | 'fundedElsewhereUsd'> & { status: NeedStatus }): void {
  if (WITHDRAWABLE.has(need.status)) return;
  const why =
    need.fundedUsd > 0
      ? ' while approved pairings fund it'
      : need.fundedElsewhereUsd > 0
        ? ' while funding recorded from other sources covers part of it'
        : '';
  throw new ConflictError(`A ${need.status} need cannot be withdrawn${why}.`);
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

/** A reconfirmation is asked for a year after the state last published or reconfirmed the need… */
export const RECONFIRM_AFTER_MONTHS = 12;
/** …and again this many days before the need would become stale. */
export const RECONFIRM_DAYS_BEFORE_EXPIRY = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** The day a need stops being valid has passed: it is valid through its validUntil day (UTC). */
export function isPastValidity(validUntil: string, now: Date): boolean {
  return validUntil < isoDay(now);
}

/**
 * The days a reconfirmation of a live need is asked on, of those reached by `now` while the need is
 * still valid: RECONFIRM_AFTER_MONTHS after it was last confirmed, and RECONFIRM_DAYS_BEFORE_EXPIRY
 * before validUntil. Each day is asked for once, so a reminder job that runs every day, or misses a
 * day, sends each notice once.
 */
export function reconfirmationDueDays(need: { confirmedAt: Date | null; validUntil: string }, now: Date): string[] {
  if (isPastValidity(need.validUntil, now)) return [];
  const today = isoDay(now);
  const days = [isoDay(new Date(new Date(`${need.validUntil}T00:00:00Z`).getTime() - RECONFIRM_DAYS_BEFORE_EXPIRY * DAY_MS))];
  if (need.confirmedAt) {
    const anniversary = new Date(need.confirmedAt);
    anniversary.setUTCMonth(anniversary.getUTCMonth() + RECONFIRM_AFTER_MONTHS);
    days.push(isoDay(anniversary));
  }
  return [...new Set(days)].filter((day) => day <= today).sort();
}
