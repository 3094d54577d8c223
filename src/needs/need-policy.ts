import { ANONYMOUS, callerOf, isGranted, mayEverBeGranted, Ownership, Rules, ScopeAlternative, scopeOf } from '../access/policy';
import { Actor, STAFF_ROLES } from '../access/actor';
import { DomainError, ForbiddenError, NotFoundError } from '../common/errors/domain-errors';
import { Role } from '../domain/role';
import { Visibility } from '../domain/enums';
import { NeedStatus } from '../domain/statuses';

export type NeedAction = 'see' | 'file' | 'change';
/** How far a need shows: an unlisted need only to its own, a published need as its visibility says. */
export type NeedExposure = 'UNLISTED' | Visibility;
export const NEED_EXPOSURES: readonly NeedExposure[] = ['UNLISTED', ...Object.values(Visibility)];

/**
 * Needs shown to no one but their own state and the Secretariat, whatever their visibility: drafts
 * not yet published, and stale needs until their state renews them.
 */
export const UNLISTED_NEED_STATUSES: readonly NeedStatus[] = [NeedStatus.DRAFT, NeedStatus.STALE];

/**
 * Who may do what with a need. A state owns the needs of its country; the Secretariat and operators
 * act for any state. Filing and changing are one right (a state's own needs, anyone's for staff).
 */
export const NEED_RULES: Rules<NeedAction, NeedExposure> = {
  see: [
    { roles: STAFF_ROLES, of: 'any' },
    { roles: [Role.STATE], of: 'own' },
    { roles: [Role.DONOR], of: 'any', exposures: [Visibility.PUBLIC, Visibility.DONORS] },
    { roles: [Role.STATE, ANONYMOUS], of: 'any', exposures: [Visibility.PUBLIC] },
  ],
  file: [
    { roles: STAFF_ROLES, of: 'any' },
    { roles: [Role.STATE], of: 'own' },
  ],
  change: [
    { roles: STAFF_ROLES, of: 'any' },
    { roles: [Role.STATE], of: 'own' },
  ],
};

export interface NeedFacts {
  id: string;
  countryIso3: string;
  status: NeedStatus;
  visibility: Visibility;
}

export function needExposure(need: Pick<NeedFacts, 'status' | 'visibility'>): NeedExposure {
  return UNLISTED_NEED_STATUSES.includes(need.status) ? 'UNLISTED' : need.visibility;
}

/** The country whose needs the actor owns, if any. */
export function ownCountry(actor: Pick<Actor, 'role' | 'countryIso3'> | null): string | null {
  return actor?.role === Role.STATE ? actor.countryIso3 : null;
}

function ownership(actor: Actor | null, countryIso3: string): Ownership {
  const own = ownCountry(actor);
  return own !== null && own === countryIso3 ? 'own' : 'other';
}

export function mayDoToNeed(
  actor: Actor | null,
  action: NeedAction,
  need: Pick<NeedFacts, 'countryIso3' | 'status' | 'visibility'>,
): boolean {
  return mayDoToNeedExposed(actor, action, need.countryIso3, needExposure(need));
}

/** `mayDoToNeed` for a need known only by its country and how it shows (as a match event carries it). */
export function mayDoToNeedExposed(actor: Actor | null, action: NeedAction, countryIso3: string, exposure: NeedExposure): boolean {
  return isGranted(NEED_RULES, action, callerOf(actor), ownership(actor, countryIso3), exposure);
}

/** Why the actor may not file a need for this country, or null when it may. */
export function refusalToFile(actor: Actor, countryIso3: string): DomainError | null {
  if (isGranted(NEED_RULES, 'file', callerOf(actor), ownership(actor, countryIso3), 'UNLISTED')) return null;
  if (!mayEverBeGranted(NEED_RULES, 'file', callerOf(actor))) return new ForbiddenError('Only states and the Secretariat file needs.');
  return new ForbiddenError('A state files needs only for its own country.');
}

/** Why the actor may not change this need, or null when it may: a need it may not even see does not exist for it. */
export function refusalToChange(actor: Actor, need: NeedFacts): DomainError | null {
  if (mayDoToNeed(actor, 'change', need)) return null;
  if (!mayDoToNeed(actor, 'see', need)) return new NotFoundError('Need', need.id);
  return new ForbiddenError('Only the requesting state or the Secretariat may change this need.');
}

/** The needs an actor may see, as alternatives a query can test; the owner is a country. */
export function needVisibilityScope(actor: Pick<Actor, 'role' | 'countryIso3'> | null): ScopeAlternative<NeedExposure>[] {
  return scopeOf(NEED_RULES, 'see', callerOf(actor), ownCountry(actor));
}
