import { ConflictError } from '../common/errors/domain-errors';
import { NeedStatus } from '../domain/statuses';
import { assertNeedEditable, assertNeedPublishable, assertNeedWithdrawable, fundingGapUsd, fundingStatus } from './need-lifecycle';

describe('need lifecycle', () => {
  it.each([NeedStatus.DRAFT, NeedStatus.OPEN, NeedStatus.PARTLY_FUNDED])('lets a %s need be edited', (status) => {
    expect(() => assertNeedEditable(status)).not.toThrow();
  });

  it.each([NeedStatus.FUNDED, NeedStatus.CLOSED, NeedStatus.WITHDRAWN])('refuses edits to a %s need', (status) => {
    expect(() => assertNeedEditable(status)).toThrow(ConflictError);
  });

  it('publishes only drafts', () => {
    expect(() => assertNeedPublishable(NeedStatus.DRAFT)).not.toThrow();
    for (const status of [NeedStatus.OPEN, NeedStatus.FUNDED, NeedStatus.WITHDRAWN]) {
      expect(() => assertNeedPublishable(status)).toThrow(ConflictError);
    }
  });

  it('refuses to withdraw a need that approved pairings fund', () => {
    expect(() => assertNeedWithdrawable(NeedStatus.OPEN)).not.toThrow();
    expect(() => assertNeedWithdrawable(NeedStatus.PARTLY_FUNDED)).toThrow(/approved pairings/);
    expect(() => assertNeedWithdrawable(NeedStatus.WITHDRAWN)).toThrow(ConflictError);
  });

  const need = (fundedUsd: number, fundedElsewhereUsd = 0) => ({ estimatedBudgetUsd: 100, fundedUsd, fundedElsewhereUsd });

  it('derives the funding status from the money approved and the money from elsewhere', () => {
    expect(fundingStatus(need(0))).toBe(NeedStatus.OPEN);
    expect(fundingStatus(need(40))).toBe(NeedStatus.PARTLY_FUNDED);
    expect(fundingStatus(need(100))).toBe(NeedStatus.FUNDED);
    expect(fundingStatus(need(0, 30))).toBe(NeedStatus.PARTLY_FUNDED);
    expect(fundingStatus(need(60, 40))).toBe(NeedStatus.FUNDED);
  });

  it('leaves as the gap the budget less both kinds of funding, never below zero', () => {
    expect(fundingGapUsd(need(0))).toBe(100);
    expect(fundingGapUsd(need(40, 25))).toBe(35);
    expect(fundingGapUsd(need(60, 40))).toBe(0);
    expect(fundingGapUsd({ estimatedBudgetUsd: 50, fundedUsd: 40, fundedElsewhereUsd: 30 })).toBe(0);
  });
});
