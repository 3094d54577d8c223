import { Actor, STAFF_ROLES } from '../access/actor';
import { callerOf, isGranted, Ownership, Rules, ScopeAlternative, scopeOf } from '../access/policy';
import { Role } from '../domain/role';
import { mayDoToNeedExposed, NEED_EXPOSURES, NeedExposure, needExposure, NeedFacts, ownCountry } from '../needs/need-policy';
import { ownDonor } from '../offers/offer-policy';

export type MatchAction = 'see';
/** A match shows as its need does: it never tells anyone of a need they may not see. */
export type MatchExposure = NeedExposure;
export const MATCH_EXPOSURES: readonly MatchExposure[] = NEED_EXPOSURES;

/**
 * Who may see a match (list it, read it, hear of it as it changes). A pairing's own are its parties:
 * the state whose need it is and the donor whose offer it is; the Secretariat and operators see every
 * one. On top of these grants, a match shows only to someone who may see its need (need-policy.ts).
 */
export const MATCH_RULES: Rules<MatchAction, MatchExposure> = {
  see: [
    { roles: STAFF_ROLES, of: 'any' },
    { roles: [Role.STATE, Role.DONOR], of: 'own' },
  ],
};

/** Whose a pairing's two sides are; null where an event concerns no pairing (a need alone, the whole platform). */
export interface MatchSides {
  needCountryIso3: string | null;
  offerDonorId: string | null;
}

/** What the rules read of a match: its sides and how its need shows. */
export interface MatchFacts extends MatchSides {
  needCountryIso3: string;
  needExposure: MatchExposure;
}

type Party = Pick<Actor, 'role' | 'countryIso3' | 'donorId'>;

/** The side of a pairing the actor may own and its key there (a state's country owns needs, a donor's organisation offers), if any. */
export function ownedSide(actor: Party | null): { side: keyof MatchSides; key: string } | null {
  const country = ownCountry(actor);
  if (country !== null) return { side: 'needCountryIso3', key: country };
  const donor = ownDonor(actor);
  return donor !== null ? { side: 'offerDonorId', key: donor } : null;
}

export function matchOwnership(actor: Party | null, sides: MatchSides): Ownership {
  const owned = ownedSide(actor);
  return owned !== null && sides[owned.side] === owned.key ? 'own' : 'other';
}

export function mayDoToMatch(actor: Actor | null, action: MatchAction, match: MatchFacts): boolean {
  return (
    isGranted(MATCH_RULES, action, callerOf(actor), matchOwnership(actor, match), match.needExposure) &&
    mayDoToNeedExposed(actor, 'see', match.needCountryIso3, match.needExposure)
  );
}

/**
 * Whether news of a pairing (or of a need, or of the platform) is addressed to the actor: the grants
 * to see it, however its need shows. Notifications name their audience with it and check what the
 * reader may see when they store and show each one.
 */
export function isAddressee(actor: Party, sides: MatchSides): boolean {
  return MATCH_EXPOSURES.some((exposure) => isGranted(MATCH_RULES, 'see', callerOf(actor), matchOwnership(actor, sides), exposure));
}

/**
 * The matches an actor may see, as alternatives a query can test, the owner being a key on `side`
 * (any side when the actor owns none); a query applies the need policy's scope to their needs as well.
 */
export function matchVisibilityScope(actor: Actor | null): { side: keyof MatchSides; alternatives: ScopeAlternative<MatchExposure>[] } {
  const owned = ownedSide(actor);
  return { side: owned?.side ?? 'needCountryIso3', alternatives: scopeOf(MATCH_RULES, 'see', callerOf(actor), owned?.key ?? null) };
}

/**
 * Whose matches an actor may list under one need it may see: every one, those of one donor's
 * offers (the donor's own), or none.
 */
export type NeedMatchesScope = { kind: 'all' } | { kind: 'donor'; donorId: string } | { kind: 'none' };

export function matchesUnderNeed(actor: Actor | null, need: Pick<NeedFacts, 'countryIso3' | 'status' | 'visibility'>): NeedMatchesScope {
  const facts = { needCountryIso3: need.countryIso3, needExposure: needExposure(need) };
  if (mayDoToMatch(actor, 'see', { ...facts, offerDonorId: null })) return { kind: 'all' };
  const donorId = ownDonor(actor);
  if (donorId !== null && mayDoToMatch(actor, 'see', { ...facts, offerDonorId: donorId })) return { kind: 'donor', donorId };
  return { kind: 'none' };
}
