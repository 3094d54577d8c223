import { ConflictError } from '../common/errors/domain-errors';
import { OfferStatus } from '../domain/statuses';

/**
 * EXHAUSTED and OPEN follow from the remaining capacity and are never set by hand; an offer whose
 * capacity is reserved by approved pairings cannot be withdrawn until they are released.
 */
const EDITABLE = new Set([OfferStatus.DRAFT, OfferStatus.OPEN, OfferStatus.EXHAUSTED]);

export function assertOfferEditable(status: OfferStatus): void {
  if (!EDITABLE.has(status)) throw new ConflictError(`A ${status} offer can no longer be edited.`);
}

export function assertOfferPublishable(status: OfferStatus): void {
  if (status !== OfferStatus.DRAFT) throw new ConflictError(`Only a DRAFT offer can be published; this one is ${status}.`);
}

export function assertOfferWithdrawable(status: OfferStatus, allocatedUsd: number): void {
  if (!EDITABLE.has(status)) throw new ConflictError(`A ${status} offer cannot be withdrawn.`);
  if (allocatedUsd > 0) {
    throw new ConflictError(`USD ${allocatedUsd} of this offer is allocated to approved pairings; release them before withdrawing.`);
  }
}

/** The status a published offer has with this much capacity left. */
export function capacityStatus(remainingUsd: number): OfferStatus {
  return remainingUsd > 0 ? OfferStatus.OPEN : OfferStatus.EXHAUSTED;
}

/** Offers that can still be matched and allocated. */
export const LIVE_OFFER_STATUSES = [OfferStatus.OPEN];
