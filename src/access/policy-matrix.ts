import { Caller, CALLERS, Ownership } from './policy';

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
