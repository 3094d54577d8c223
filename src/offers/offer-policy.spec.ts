import { ANONYMOUS, Caller, Ownership } from '../access/policy';
import { actorOf, everyCase } from '../access/policy-matrix';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-errors';
import { Role } from '../domain/role';
import { OfferStatus } from '../domain/statuses';
import {
  OFFER_EXPOSURES,
  OFFER_RULES,
  OfferAction,
  OfferExposure,
  offerExposure,
  mayDoToOffer,
  offerVisibilityScope,
  refusalToChangeOffer,
  refusalToPost,
} from './offer-policy';

/**
 * The rules of docs/domain.md in plain words: the Secretariat and operators act for any donor; a donor
 * sees, posts and edits its own organisation's offers; everyone signed in sees published offers, and
 * nobody else sees a draft. Offers are not shown to anonymous callers.
 */
function domainAllows(caller: Caller, ownsOffer: boolean, action: OfferAction, exposure: OfferExposure): boolean {
  if (caller === Role.SECRETARIAT || caller === Role.ADMIN) return true;
  if (caller === Role.DONOR && ownsOffer) return true;
  switch (action) {
    case 'post':
    case 'change':
      return false;
    case 'see':
      return caller !== ANONYMOUS && exposure === 'PUBLISHED';
    default:
      throw new Error(`The domain rules say nothing of the action ${action as string}.`);
  }
}

function offerWith(ownership: Ownership, exposure: OfferExposure) {
  return {
    id: 'offer-1',
    donorId: ownership === 'own' ? 'donor-1' : 'donor-2',
    status: exposure === 'DRAFT' ? OfferStatus.DRAFT : OfferStatus.OPEN,
  };
}

const MATRIX = everyCase(OFFER_RULES, OFFER_EXPOSURES);

describe('offer policy', () => {
  it.each(MATRIX)('$caller on $ownership offer, $action, $exposure', ({ caller, ownership, action, exposure }) => {
    const actor = actorOf(caller);
    const offer = offerWith(ownership, exposure);
    const expected = domainAllows(caller, caller === Role.DONOR && ownership === 'own', action, exposure);
    expect(mayDoToOffer(actor, action, offer)).toBe(expected);
    if (action === 'change' && actor) expect(refusalToChangeOffer(actor, offer) === null).toBe(expected);
    if (action === 'post' && actor && exposure === 'DRAFT') expect(refusalToPost(actor, offer.donorId) === null).toBe(expected);
  });

  it.each(MATRIX.filter(({ action }) => action === 'see'))(
    'the query scope of $caller agrees on a $ownership $exposure offer',
    ({ caller, ownership, exposure }) => {
      const actor = actorOf(caller);
      const offer = offerWith(ownership, exposure);
      const inScope = offerVisibilityScope(actor).some(
        (alternative) =>
          (alternative.owner === null || alternative.owner === offer.donorId) &&
          (alternative.exposures === null || alternative.exposures.includes(offerExposure(offer))),
      );
      expect(inScope).toBe(mayDoToOffer(actor, 'see', offer));
    },
  );

  it("hides another donor's draft instead of refusing the change", () => {
    const donor = actorOf(Role.DONOR)!;
    expect(refusalToChangeOffer(donor, offerWith('other', 'DRAFT'))).toBeInstanceOf(NotFoundError);
    expect(refusalToChangeOffer(donor, offerWith('other', 'PUBLISHED'))).toBeInstanceOf(ForbiddenError);
  });

  it('tells a state that only donors post offers, and a donor that it posts only for its own organisation', () => {
    expect(refusalToPost(actorOf(Role.STATE)!, null)?.message).toBe('Only donors and the Secretariat post offers.');
    expect(refusalToPost(actorOf(Role.DONOR)!, 'donor-2')?.message).toBe('A donor posts offers only for its own organisation.');
  });
});
