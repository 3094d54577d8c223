import { ConflictError } from '../common/errors/domain-errors';
import { OfferStatus } from '../domain/statuses';
import { assertOfferEditable, assertOfferPublishable, assertOfferWithdrawable, capacityStatus } from './offer-lifecycle';

describe('offer lifecycle', () => {
  it('lets draft, open and exhausted offers be edited but not closed or withdrawn ones', () => {
    for (const status of [OfferStatus.DRAFT, OfferStatus.OPEN, OfferStatus.EXHAUSTED])
      expect(() => assertOfferEditable(status)).not.toThrow();
    for (const status of [OfferStatus.CLOSED, OfferStatus.WITHDRAWN]) expect(() => assertOfferEditable(status)).toThrow(ConflictError);
  });

  it('publishes only drafts', () => {
    expect(() => assertOfferPublishable(OfferStatus.DRAFT)).not.toThrow();
    expect(() => assertOfferPublishable(OfferStatus.OPEN)).toThrow(ConflictError);
  });

  it('refuses to withdraw an offer with allocated capacity', () => {
    expect(() => assertOfferWithdrawable(OfferStatus.OPEN, 0)).not.toThrow();
    expect(() => assertOfferWithdrawable(OfferStatus.OPEN, 5000)).toThrow(/allocated/);
    expect(() => assertOfferWithdrawable(OfferStatus.WITHDRAWN, 0)).toThrow(ConflictError);
  });

  it('is exhausted exactly when no capacity is left', () => {
    expect(capacityStatus(1)).toBe(OfferStatus.OPEN);
    expect(capacityStatus(0)).toBe(OfferStatus.EXHAUSTED);
  });
});
