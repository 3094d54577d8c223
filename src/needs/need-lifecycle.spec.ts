import { ConflictError } from '../common/errors/domain-errors';
import { NeedStatus } from '../domain/statuses';
import {
  assertNeedEditable,
  assertNeedPublishable,
  assertNeedReconfirmable,
  assertNeedWithdrawable,
  fundingGapUsd,
  fundingStatus,
  isPastValidity,
  reconfirmationDueDays,
} from './need-lifecycle';

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

  it('refuses to withdraw a funded need, saying where its money comes from', () => {
    const withdrawing =
      (status: NeedStatus, fundedUsd = 0, fundedElsewhereUsd = 0) =>
      () =>
        assertNeedWithdrawable({ status, fundedUsd, fundedElsewhereUsd });
    expect(withdrawing(NeedStatus.OPEN)).not.toThrow();
    expect(withdrawing(NeedStatus.PARTLY_FUNDED, 40)).toThrow(/approved pairings/);
    expect(withdrawing(NeedStatus.PARTLY_FUNDED, 40, 20)).toThrow(/approved pairings/);
    expect(withdrawing(NeedStatus.PARTLY_FUNDED, 0, 20)).toThrow(/recorded from other sources/);
    expect(withdrawing(NeedStatus.WITHDRAWN)).toThrow(ConflictError);
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

describe('reconfirmation', () => {
  it.each([NeedStatus.OPEN, NeedStatus.PARTLY_FUNDED, NeedStatus.STALE])('reconfirms a %s need', (status) => {
    expect(() => assertNeedReconfirmable(status)).not.toThrow();
  });

  it.each([NeedStatus.DRAFT, NeedStatus.FUNDED, NeedStatus.CLOSED, NeedStatus.WITHDRAWN])('refuses to reconfirm a %s need', (status) => {
    expect(() => assertNeedReconfirmable(status)).toThrow(ConflictError);
  });

  it('keeps a need valid through its validUntil day', () => {
    expect(isPastValidity('2026-12-31', new Date('2026-12-31T23:59:59Z'))).toBe(false);
    expect(isPastValidity('2026-12-31', new Date('2027-01-01T00:00:00Z'))).toBe(true);
  });

  it('asks a year after the last confirmation and 30 days before validUntil, once each day is reached', () => {
    const need = { confirmedAt: new Date('2026-02-10T09:00:00Z'), validUntil: '2028-12-31' };
    expect(reconfirmationDueDays(need, new Date('2027-02-09T23:00:00Z'))).toEqual([]);
    expect(reconfirmationDueDays(need, new Date('2027-02-10T00:00:00Z'))).toEqual(['2027-02-10']);
    expect(reconfirmationDueDays(need, new Date('2028-12-01T00:00:00Z'))).toEqual(['2027-02-10', '2028-12-01']);
  });

  it('asks nothing once the need is past its validity, and only before expiry for a need never confirmed', () => {
    expect(
      reconfirmationDueDays({ confirmedAt: new Date('2020-01-01T00:00:00Z'), validUntil: '2026-12-31' }, new Date('2027-01-02T00:00:00Z')),
    ).toEqual([]);
    expect(reconfirmationDueDays({ confirmedAt: null, validUntil: '2026-12-31' }, new Date('2026-12-15T00:00:00Z'))).toEqual([
      '2026-12-01',
    ]);
  });
});
