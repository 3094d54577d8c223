import { Role } from '../domain/role';
import type { Actor } from './actor';

/** A caller who has not signed in: some things are public. */
export const ANONYMOUS = 'ANONYMOUS';
export type Caller = Role | typeof ANONYMOUS;
export const CALLERS: readonly Caller[] = [...Object.values(Role), ANONYMOUS];

/** How the caller stands to the entity: its own (its country's need, its donor's offer) or someone else's. */
export type Ownership = 'own' | 'other';

/**
 * One way an action is allowed: to callers of these roles, on their own entity or on anyone's, while
 * the entity is exposed in one of these ways (a published need's visibility) or in any way at all.
 */
export interface Grant<Exposure extends string> {
  roles: readonly Caller[];
  of: 'own' | 'any';
  exposures?: readonly Exposure[];
}

/** For each action of an entity, every way it is allowed; an action no grant covers is refused. */
export type Rules<Action extends string, Exposure extends string> = Readonly<Record<Action, readonly Grant<Exposure>[]>>;

export function callerOf(actor: Pick<Actor, 'role'> | null | undefined): Caller {
  return actor?.role ?? ANONYMOUS;
}

export function isGranted<Action extends string, Exposure extends string>(
  rules: Rules<Action, Exposure>,
  action: Action,
  caller: Caller,
  ownership: Ownership,
  exposure: Exposure,
): boolean {
  return rules[action].some(
    (grant) =>
      grant.roles.includes(caller) &&
      (grant.of === 'any' || ownership === 'own') &&
      (!grant.exposures || grant.exposures.includes(exposure)),
  );
}

/** The grants that apply to a caller, for turning an action's rules into a query's filter. */
export function grantsFor<Action extends string, Exposure extends string>(
  rules: Rules<Action, Exposure>,
  action: Action,
  caller: Caller,
): Grant<Exposure>[] {
  return rules[action].filter((grant) => grant.roles.includes(caller));
}

/** Whether a role can be allowed an action at all, on some entity: what an operation's role guard lets through. */
export function mayEverBeGranted<Action extends string, Exposure extends string>(
  rules: Rules<Action, Exposure>,
  action: Action,
  caller: Caller,
): boolean {
  return grantsFor(rules, action, caller).length > 0;
}

/** The roles an action is ever allowed to, for the operation's role guard. */
export function rolesGranted<Action extends string, Exposure extends string>(rules: Rules<Action, Exposure>, action: Action): Role[] {
  return Object.values(Role).filter((role) => mayEverBeGranted(rules, action, role));
}

/** One kind of entity a caller may act on: those of this owner (or anyone's), exposed in these ways (or in any). */
export interface ScopeAlternative<Exposure extends string> {
  owner: string | null;
  exposures: readonly Exposure[] | null;
}

/**
 * The entities a caller may act on, as alternatives a query can test, given the key of what the caller
 * owns (its country, its donor; null when it owns nothing). Empty when the caller may act on none.
 */
export function scopeOf<Action extends string, Exposure extends string>(
  rules: Rules<Action, Exposure>,
  action: Action,
  caller: Caller,
  ownerKey: string | null,
): ScopeAlternative<Exposure>[] {
  return grantsFor(rules, action, caller).flatMap((grant) => {
    if (grant.of === 'own' && ownerKey === null) return [];
    return [{ owner: grant.of === 'own' ? ownerKey : null, exposures: grant.exposures ?? null }];
  });
}

/** Whether a scope lets the caller act on every entity, however it shows: a query need not be narrowed. */
export function allowsEverything<Exposure extends string>(scope: readonly ScopeAlternative<Exposure>[]): boolean {
  return scope.some(({ owner, exposures }) => owner === null && exposures === null);
}
