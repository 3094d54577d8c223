import { Actor, STAFF_ROLES } from '../access/actor';
import { callerOf, isGranted, mayEverBeGranted, Ownership, Rules, ScopeAlternative, scopeOf } from '../access/policy';
import { DomainError, ForbiddenError, NotFoundError } from '../common/errors/domain-errors';
import { Role } from '../domain/role';
import { OfferStatus } from '../domain/statuses';

export type OfferAction = 'see' | 'post' | 'change';
/** A draft shows only to its own donor; a published offer to everyone signed in. */
export type OfferExposure = 'DRAFT' | 'PUBLISHED';
export const OFFER_EXPOSURES: readonly OfferExposure[] = ['DRAFT', 'PUBLISHED'];

/** Who may do what with an offer. A donor owns its organisation's offers; the Secretariat and operators act for any donor. */
export const OFFER_RULES: Rules<OfferAction, OfferExposure> = {
  see: [
    { roles: STAFF_ROLES, of: 'any' },
    { roles: [Role.DONOR], of: 'own' },
    { roles: Object.values(Role), of: 'any', exposures: ['PUBLISHED'] },
  ],
  post: [
    { roles: STAFF_ROLES, of: 'any' },
    { roles: [Role.DONOR], of: 'own' },
  ],
  change: [
    { roles: STAFF_ROLES, of: 'any' },
    { roles: [Role.DONOR], of: 'own' },
  ],
};

export interface OfferFacts {
  id: string;
  donorId: string;
  status: OfferStatus;
}

export function offerExposure(offer: Pick<OfferFacts, 'status'>): OfferExposure {
  return offer.status === OfferStatus.DRAFT ? 'DRAFT' : 'PUBLISHED';
}

/** The donor whose offers the actor owns, if any. */
export function ownDonor(actor: Pick<Actor, 'role' | 'donorId'> | null): string | null {
  return actor?.role === Role.DONOR ? actor.donorId : null;
}

function ownership(actor: Actor | null, donorId: string): Ownership {
  const own = ownDonor(actor);
  return own !== null && own === donorId ? 'own' : 'other';
}

export function mayDoToOffer(actor: Actor | null, action: OfferAction, offer: Pick<OfferFacts, 'donorId' | 'status'>): boolean {
  return isGranted(OFFER_RULES, action, callerOf(actor), ownership(actor, offer.donorId), offerExposure(offer));
}

/** Why the actor may not post an offer for this donor, or null when it may. */
export function refusalToPost(actor: Actor, donorId: string | null): DomainError | null {
  if (isGranted(OFFER_RULES, 'post', callerOf(actor), donorId === null ? 'other' : ownership(actor, donorId), 'DRAFT')) return null;
  if (!mayEverBeGranted(OFFER_RULES, 'post', callerOf(actor))) return new ForbiddenError('Only donors and the Secretariat post offers.');
  return new ForbiddenError('A donor posts offers only for its own organisation.');
}

/** Why the actor may not change this offer, or null when it may: an offer it may not even see does not exist for it. */
export function refusalToChangeOffer(actor: Actor, offer: OfferFacts): DomainError | null {
  if (mayDoToOffer(actor, 'change', offer)) return null;
  if (!mayDoToOffer(actor, 'see', offer)) return new NotFoundError('Offer', offer.id);
  return new ForbiddenError('Only the offering donor or the Secretariat may change this offer.');
}

/** The offers an actor may see, as alternatives a query can test; the owner is a donor. */
export function offerVisibilityScope(actor: Actor | null): ScopeAlternative<OfferExposure>[] {
  return scopeOf(OFFER_RULES, 'see', callerOf(actor), ownDonor(actor));
}
