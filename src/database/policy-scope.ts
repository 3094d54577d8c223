import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { allowsEverything, ScopeAlternative } from '../access/policy';

/**
 * Narrows a query to the rows a policy scope allows: any of its alternatives, each a match on the
 * owner column and on the exposures, which `exposedAs` turns into a condition (its parameters named
 * with the suffix it is given, so alternatives do not overwrite each other's). An entity that shows in
 * one way only has no exposures to test and passes no `exposedAs`. `policy` names the parameters, so
 * that two policies narrowing one query (a match's and its need's) keep theirs apart.
 */
export function restrictToScope<Entity extends ObjectLiteral, Exposure extends string>(
  query: SelectQueryBuilder<Entity>,
  policy: string,
  scope: readonly ScopeAlternative<Exposure>[],
  ownerColumn: string,
  exposedAs?: (exposures: readonly Exposure[], suffix: string) => Brackets,
): SelectQueryBuilder<Entity> {
  if (allowsEverything(scope)) return query;
  if (!scope.length) return query.andWhere('1 = 0');
  return query.andWhere(
    new Brackets((allowed) => {
      scope.forEach(({ owner, exposures }, index) =>
        allowed.orWhere(
          new Brackets((alternative) => {
            alternative.where('1 = 1');
            const suffix = `${policy}${index}`;
            if (owner !== null) alternative.andWhere(`${ownerColumn} = :owner${suffix}`, { [`owner${suffix}`]: owner });
            if (exposures !== null && exposedAs) alternative.andWhere(exposedAs(exposures, suffix));
          }),
        ),
      );
    }),
  );
}
