import { Role } from '../domain/role';
import type { Actor } from './actor';
import { ANONYMOUS, Caller, CALLERS, Ownership } from './policy';

export interface PolicyCase<Action extends string, Exposure extends string> {
  caller: Caller;
  ownership: Ownership;
  action: Action;
  exposure: Exposure;
}

/**
 * Every case a policy's specs check: each caller, on its own entity and on another's, for each action
 * the rules declare, in each way the entity can be exposed. An action added to the rules joins the cases.
 */
export function everyCase<Action extends string, Exposure extends string>(
  rules: Readonly<Record<Action, unknown>>,
  exposures: readonly Exposure[],
): PolicyCase<Action, Exposure>[] {
  return CALLERS.flatMap((caller) =>
    (['own', 'other'] as const).flatMap((ownership) =>
      (Object.keys(rules) as Action[]).flatMap((action) => exposures.map((exposure) => ({ caller, ownership, action, exposure }))),
    ),
  );
}

/** The country a state of the cases acts for, and the donor organisation a donor of the cases belongs to: what is "own" to them. */
export const OWN_COUNTRY = 'NGA';
export const OWN_DONOR = 'donor-1';

/** The actor a case's caller stands for (null when anonymous), bound to OWN_COUNTRY or OWN_DONOR by its role. */
export function actorOf(caller: Caller): Actor | null {
  if (caller === ANONYMOUS) return null;
  return {
    userId: 'u',
    email: 'u@example.org',
    role: caller,
    countryIso3: caller === Role.STATE ? OWN_COUNTRY : null,
    donorId: caller === Role.DONOR ? OWN_DONOR : null,
  };
}
