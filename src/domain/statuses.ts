import { registerEnumType } from '@nestjs/graphql';

/*
 * The lifecycle states of needs, offers and pairings. Features read each other's statuses (a
 * pairing's state decides a need's funding, a need's state decides what is scored), so the states
 * live here, beneath all of them; the transitions stay with the feature that owns them.
 */

export enum NeedStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  PARTLY_FUNDED = 'PARTLY_FUNDED',
  FUNDED = 'FUNDED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
  /** Published, but not reconfirmed by its validUntil date: out of matching and donors' sight until renewed. */
  STALE = 'STALE',
}
registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  description:
    'Lifecycle of a need: DRAFT → OPEN → PARTLY_FUNDED / FUNDED → CLOSED, or WITHDRAWN. An OPEN or PARTLY_FUNDED need not reconfirmed by its validUntil date becomes STALE (seen only by its state and the Secretariat, left out of matching) until reconfirmNeed renews it.',
});

export enum OfferStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  EXHAUSTED = 'EXHAUSTED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  description: 'Lifecycle of an offer: DRAFT → OPEN → EXHAUSTED (no capacity left) / CLOSED, or WITHDRAWN.',
});

export enum MatchStatus {
  PROPOSED = 'PROPOSED',
  DONOR_INTERESTED = 'DONOR_INTERESTED',
  APPROVED = 'APPROVED',
  CONFIRMED = 'CONFIRMED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  REJECTED = 'REJECTED',
  DECLINED = 'DECLINED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(MatchStatus, {
  name: 'MatchStatus',
  description:
    'Pairing workflow: PROPOSED (by the engine) → DONOR_INTERESTED → APPROVED (Secretariat) → CONFIRMED (requesting state) → ACTIVE → COMPLETED; or REJECTED, DECLINED, SUPERSEDED.',
});
