import { ConflictError } from '../common/errors/domain-errors';
import { NeedStatus } from '../domain/statuses';
import { assertNeedEditable, assertNeedPublishable, assertNeedWithdrawable, fundingStatus } from './need-lifecycle';

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

  it('derives the funding status from the money approved', () => {
    expect(fundingStatus(100, 0)).toBe(NeedStatus.OPEN);
    expect(fundingStatus(100, 40)).toBe(NeedStatus.PARTLY_FUNDED);
    expect(fundingStatus(100, 100)).toBe(NeedStatus.FUNDED);
  });
});
