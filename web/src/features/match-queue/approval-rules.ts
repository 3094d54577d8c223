import type { MatchStatus, NeedStatus, OfferStatus } from '../../gql/enums';
import type { Translate } from '../../i18n/I18nProvider';
import { formatUsd } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import type { FormProblem } from '../../ui/api-errors';
import { apiLength, parseWholeUsd } from '../pairings/progress-rules';

/** The API's argument names (`approveMatch`, `rejectMatch`), which the fields and the error summary are keyed by. */
export const APPROVAL_FIELDS = { allocatedUsd: 'allocatedUsd', note: 'note' } as const;
export const REJECT_FIELDS = { reason: 'reason' } as const;

/** As the API: `ApproveMatchArgs.note` (src/pairings/dto/approve-match.args.ts) and `ReasonArgs` (src/common/reason.args.ts). */
export const NOTE_MAX = 2_000;
export const REASON_MIN = 3;
export const REASON_MAX = 2_000;

/** As src/pairings/pairing-transitions.ts: the Secretariat approves PROPOSED and DONOR_INTERESTED pairings, rejects those and APPROVED ones. */
const APPROVABLE: readonly MatchStatus[] = ['PROPOSED', 'DONOR_INTERESTED'];
const REJECTABLE: readonly MatchStatus[] = ['PROPOSED', 'DONOR_INTERESTED', 'APPROVED'];
/** As src/pairings/pairings.service.ts: offers and needs whose money follows the allocations. */
const FUNDING_OFFER_STATUSES: readonly OfferStatus[] = ['OPEN', 'EXHAUSTED'];
const FUNDED_NEED_STATUSES: readonly NeedStatus[] = ['OPEN', 'PARTLY_FUNDED', 'FUNDED'];

export const canApprove = (status: MatchStatus): boolean => APPROVABLE.includes(status);
export const canReject = (status: MatchStatus): boolean => REJECTABLE.includes(status);

/** What the approval depends on, as the queue reads it from the match, its need and its offer. */
export interface ApprovalFacts {
  matchStatus: MatchStatus;
  need: { status: NeedStatus; estimatedBudgetUsd: number; fundedUsd: number; fundedElsewhereUsd: number; fundingGapUsd: number };
  offer: { status: OfferStatus; remainingCapacityUsd: number; minGrantUsd: number | null; maxGrantUsd: number | null };
}

/** Why no amount can be approved at all; each has its own sentence for the reader. */
export type Blocker = 'matchStatus' | 'offerStatus' | 'needStatus' | 'noCapacity' | 'noGap' | 'belowMinGrant';

export interface ApprovalBounds {
  /** What the need still lacks, as the API counts it (`Need.fundingGapUsd`: the budget less money from matches and from elsewhere). */
  gapUsd: number;
  /** The smallest amount the API accepts (the offer's smallest grant, or one dollar). */
  minimumUsd: number;
  /** The largest amount the API accepts: the least of the gap, the capacity left and the largest grant. */
  maximumUsd: number;
  /** Null when some amount can be approved; the amount pre-filled is then `maximumUsd`. */
  blocker: Blocker | null;
}

/**
 * The amounts `approveMatch` accepts, in the order src/pairings/pairings.service.ts checks them:
 * the pairing's status, the offer's and the need's statuses, then the amount against the capacity
 * left, the need's gap and the offer's grant limits.
 */
export function approvalBounds({ matchStatus, need, offer }: ApprovalFacts): ApprovalBounds {
  const gapUsd = need.fundingGapUsd;
  const minimumUsd = Math.max(1, offer.minGrantUsd ?? 1);
  const maximumUsd = Math.max(0, Math.min(gapUsd, offer.remainingCapacityUsd, offer.maxGrantUsd ?? Number.POSITIVE_INFINITY));
  const blocker: Blocker | null = !canApprove(matchStatus)
    ? 'matchStatus'
    : !FUNDING_OFFER_STATUSES.includes(offer.status)
      ? 'offerStatus'
      : !FUNDED_NEED_STATUSES.includes(need.status)
        ? 'needStatus'
        : offer.remainingCapacityUsd <= 0
          ? 'noCapacity'
          : gapUsd <= 0
            ? 'noGap'
            : maximumUsd < minimumUsd
              ? 'belowMinGrant'
              : null;
  return { gapUsd, minimumUsd, maximumUsd, blocker };
}

/** The amount the form starts with: the largest one every limit allows, or nothing when none does. */
export function suggestedAmount(facts: ApprovalFacts): number | null {
  const bounds = approvalBounds(facts);
  return bounds.blocker ? null : bounds.maximumUsd;
}

/** The same refusals as the API, said in the reader's language before sending. */
export function approvalProblems(
  form: { amount: string; note: string },
  facts: ApprovalFacts,
  locale: Locale,
  t: Translate,
): FormProblem[] {
  const problems: FormProblem[] = [];
  const field = APPROVAL_FIELDS.allocatedUsd;
  const usd = (amount: number) => formatUsd(locale, amount);
  const amount = form.amount.trim() ? parseWholeUsd(form.amount, locale) : null;
  if (!form.amount.trim()) problems.push({ field, message: t('match-queue.approve.rule.amountMissing') });
  else if (amount === null || amount <= 0) problems.push({ field, message: t('match-queue.approve.rule.amountWhole') });
  else {
    const { gapUsd } = approvalBounds(facts);
    const { offer } = facts;
    if (amount > offer.remainingCapacityUsd)
      problems.push({
        field,
        message: t('match-queue.approve.rule.overCapacity', { amount: usd(Math.max(0, offer.remainingCapacityUsd)) }),
      });
    else if (amount > gapUsd) problems.push({ field, message: t('match-queue.approve.rule.overGap', { amount: usd(gapUsd) }) });
    else if (offer.minGrantUsd !== null && amount < offer.minGrantUsd)
      problems.push({ field, message: t('match-queue.approve.rule.belowMinGrant', { amount: usd(offer.minGrantUsd) }) });
    else if (offer.maxGrantUsd !== null && amount > offer.maxGrantUsd)
      problems.push({ field, message: t('match-queue.approve.rule.overMaxGrant', { amount: usd(offer.maxGrantUsd) }) });
  }
  if (apiLength(form.note.trim()) > NOTE_MAX)
    problems.push({ field: APPROVAL_FIELDS.note, message: t('match-queue.approve.rule.noteTooLong', { max: NOTE_MAX }) });
  return problems;
}

/** The checks the API makes on `rejectMatch`'s reason, on the text as it will be sent (trimmed). */
export function rejectProblems(reason: string, t: Translate): FormProblem[] {
  const length = apiLength(reason.trim());
  const field = REJECT_FIELDS.reason;
  if (length === 0) return [{ field, message: t('match-queue.reject.rule.reasonMissing') }];
  if (length < REASON_MIN) return [{ field, message: t('match-queue.reject.rule.reasonTooShort', { min: REASON_MIN }) }];
  if (length > REASON_MAX) return [{ field, message: t('match-queue.reject.rule.reasonTooLong', { max: REASON_MAX }) }];
  return [];
}

/** A whole percentage (0–100) as the API's minimum score (0–1); null when empty or out of range. */
export function minScoreOf(percent: string): number | null {
  if (!/^\d{1,3}$/.test(percent.trim())) return null;
  const value = Number(percent.trim());
  return value >= 0 && value <= 100 ? value / 100 : null;
}
