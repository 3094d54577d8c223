import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n/I18nProvider';
import {
  approvalBounds,
  approvalProblems,
  canApprove,
  canReject,
  minScoreOf,
  rejectProblems,
  suggestedAmount,
  type ApprovalFacts,
} from './approval-rules';

// The message id alone, so a test can tell which rule spoke.
const t: Translate = (id) => id;

const FACTS: ApprovalFacts = {
  matchStatus: 'PROPOSED',
  need: { status: 'OPEN', estimatedBudgetUsd: 200_000, fundedUsd: 50_000, fundedElsewhereUsd: 0, fundingGapUsd: 150_000 },
  offer: { status: 'OPEN', remainingCapacityUsd: 400_000, minGrantUsd: 10_000, maxGrantUsd: 120_000 },
};
const facts = (change: {
  matchStatus?: ApprovalFacts['matchStatus'];
  need?: Partial<ApprovalFacts['need']>;
  offer?: Partial<ApprovalFacts['offer']>;
}): ApprovalFacts => ({
  matchStatus: change.matchStatus ?? FACTS.matchStatus,
  need: { ...FACTS.need, ...change.need },
  offer: { ...FACTS.offer, ...change.offer },
});
const messagesOf = (amount: string, given: ApprovalFacts = FACTS, note = '') =>
  approvalProblems({ amount, note }, given, 'en', t).map((problem) => `${problem.field}:${problem.message}`);

describe('the amount an approval starts with', () => {
  it('is the least of the need’s gap, the capacity left and the largest grant', () => {
    expect(suggestedAmount(FACTS)).toBe(120_000);
    expect(suggestedAmount(facts({ offer: { maxGrantUsd: null } }))).toBe(150_000);
    expect(suggestedAmount(facts({ offer: { maxGrantUsd: null, remainingCapacityUsd: 90_000 } }))).toBe(90_000);
    expect(approvalBounds(FACTS)).toEqual({ gapUsd: 150_000, minimumUsd: 10_000, maximumUsd: 120_000, blocker: null });
  });

  it('is nothing when no amount fits, saying why in the order the API checks', () => {
    expect(approvalBounds(facts({ matchStatus: 'APPROVED' })).blocker).toBe('matchStatus');
    expect(approvalBounds(facts({ offer: { status: 'WITHDRAWN' } })).blocker).toBe('offerStatus');
    expect(approvalBounds(facts({ need: { status: 'CLOSED' } })).blocker).toBe('needStatus');
    expect(approvalBounds(facts({ offer: { remainingCapacityUsd: 0, status: 'EXHAUSTED' } })).blocker).toBe('noCapacity');
    expect(approvalBounds(facts({ need: { fundedUsd: 200_000, fundingGapUsd: 0, status: 'FUNDED' } })).blocker).toBe('noGap');
    expect(approvalBounds(facts({ need: { fundedUsd: 195_000, fundingGapUsd: 5_000, status: 'PARTLY_FUNDED' } })).blocker).toBe(
      'belowMinGrant',
    );
    expect(suggestedAmount(facts({ need: { fundedUsd: 195_000, fundingGapUsd: 5_000 } }))).toBeNull();
  });

  it('accepts a one-dollar grant when the offer sets no smallest grant', () => {
    expect(approvalBounds(facts({ offer: { minGrantUsd: null }, need: { fundedUsd: 199_999, fundingGapUsd: 1 } }))).toMatchObject({
      minimumUsd: 1,
      maximumUsd: 1,
      blocker: null,
    });
  });

  it('counts money from elsewhere as the API does, leaving less to approve', () => {
    const fundedElsewhere = facts({ need: { fundedElsewhereUsd: 100_000, fundingGapUsd: 50_000 }, offer: { maxGrantUsd: null } });
    expect(approvalBounds(fundedElsewhere)).toMatchObject({ gapUsd: 50_000, maximumUsd: 50_000, blocker: null });
  });
});

describe('the refusals of approveMatch, before sending', () => {
  it('accepts any whole amount within every limit, in the reader’s way of writing numbers', () => {
    expect(messagesOf('120000')).toEqual([]);
    expect(messagesOf('10,000')).toEqual([]);
    expect(approvalProblems({ amount: '١٠٠٠٠', note: '' }, FACTS, 'ar', t)).toEqual([]);
  });

  it('asks for a positive whole number of dollars', () => {
    expect(messagesOf('')).toEqual(['allocatedUsd:match-queue.approve.rule.amountMissing']);
    expect(messagesOf('12.5')).toEqual(['allocatedUsd:match-queue.approve.rule.amountWhole']);
    expect(messagesOf('0')).toEqual(['allocatedUsd:match-queue.approve.rule.amountWhole']);
    expect(messagesOf('-5')).toEqual(['allocatedUsd:match-queue.approve.rule.amountWhole']);
    expect(messagesOf('lots')).toEqual(['allocatedUsd:match-queue.approve.rule.amountWhole']);
  });

  it('refuses more than the offer has left, then more than the need lacks, then the grant limits', () => {
    expect(messagesOf('100000', facts({ offer: { remainingCapacityUsd: 90_000 } }))).toEqual([
      'allocatedUsd:match-queue.approve.rule.overCapacity',
    ]);
    expect(messagesOf('160000', facts({ offer: { maxGrantUsd: null } }))).toEqual(['allocatedUsd:match-queue.approve.rule.overGap']);
    expect(messagesOf('9999')).toEqual(['allocatedUsd:match-queue.approve.rule.belowMinGrant']);
    expect(messagesOf('120001')).toEqual(['allocatedUsd:match-queue.approve.rule.overMaxGrant']);
  });

  it('keeps the note within 2,000 characters', () => {
    expect(messagesOf('50000', FACTS, 'x'.repeat(2_000))).toEqual([]);
    expect(messagesOf('50000', FACTS, 'x'.repeat(2_001))).toEqual(['note:match-queue.approve.rule.noteTooLong']);
  });
});

describe('rejecting', () => {
  it('needs a reason of 3 to 2,000 characters', () => {
    expect(rejectProblems('  ', t).map((problem) => problem.message)).toEqual(['match-queue.reject.rule.reasonMissing']);
    expect(rejectProblems('no', t).map((problem) => problem.message)).toEqual(['match-queue.reject.rule.reasonTooShort']);
    expect(rejectProblems('x'.repeat(2_001), t).map((problem) => problem.message)).toEqual(['match-queue.reject.rule.reasonTooLong']);
    expect(rejectProblems('Duplicates the EU project', t)).toEqual([]);
  });
});

describe('which decisions a status allows', () => {
  it('approves undecided pairings and rejects those and approved ones', () => {
    expect(['PROPOSED', 'DONOR_INTERESTED'].every((status) => canApprove(status as never))).toBe(true);
    expect(canApprove('APPROVED')).toBe(false);
    expect(canReject('APPROVED')).toBe(true);
    expect(canReject('CONFIRMED')).toBe(false);
    expect(canReject('REJECTED')).toBe(false);
  });
});

describe('the minimum score filter', () => {
  it('takes a whole percentage from 0 to 100', () => {
    expect(minScoreOf('75')).toBe(0.75);
    expect(minScoreOf('0')).toBe(0);
    expect(minScoreOf('100')).toBe(1);
    expect(minScoreOf('')).toBeNull();
    expect(minScoreOf('101')).toBeNull();
    expect(minScoreOf('7.5')).toBeNull();
  });
});
