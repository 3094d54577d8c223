import { Actor, STAFF_ROLES } from '../access/actor';
import { callerOf, isGranted, mayEverBeGranted, Ownership, Rules, ScopeAlternative, scopeOf } from '../access/policy';
import { DomainError, ForbiddenError } from '../common/errors/domain-errors';
import { Role } from '../domain/role';

/**
 * `read`: find and list the report, its text and every need drawn from it. Anyone who may see one of
 * those needs still learns which report it came from (need-national-report.resolver.ts), not its text.
 */
export type ReportAction = 'read' | 'import';
/** A stored report shows in one way only: to its own state and the Secretariat. */
export type ReportExposure = 'STORED';
export const REPORT_EXPOSURES: readonly ReportExposure[] = ['STORED'];

/** Who may do what with a national report. A state owns its country's reports; the Secretariat and operators act for any state. */
export const REPORT_RULES: Rules<ReportAction, ReportExposure> = {
  read: [
    { roles: STAFF_ROLES, of: 'any' },
    { roles: [Role.STATE], of: 'own' },
  ],
  import: [
    { roles: STAFF_ROLES, of: 'any' },
    { roles: [Role.STATE], of: 'own' },
  ],
};

/** The country whose reports the actor owns, if any. */
function ownCountry(actor: Actor | null): string | null {
  return actor?.role === Role.STATE ? actor.countryIso3 : null;
}

function ownership(actor: Actor | null, countryIso3: string): Ownership {
  const own = ownCountry(actor);
  return own !== null && own === countryIso3 ? 'own' : 'other';
}

export function mayReadReport(actor: Actor | null, report: { countryIso3: string }): boolean {
  return isGranted(REPORT_RULES, 'read', callerOf(actor), ownership(actor, report.countryIso3), 'STORED');
}

/** Why the actor may not import a report of this country, or null when it may. */
export function refusalToImport(actor: Actor, countryIso3: string): DomainError | null {
  if (isGranted(REPORT_RULES, 'import', callerOf(actor), ownership(actor, countryIso3), 'STORED')) return null;
  if (!mayEverBeGranted(REPORT_RULES, 'import', callerOf(actor)))
    return new ForbiddenError('Only states and the Secretariat import national reports.');
  return new ForbiddenError("A state imports only its own country's national reports.");
}

/** The reports an actor may read, as alternatives a query can test; the owner is a country. */
export function reportReadScope(actor: Actor | null): ScopeAlternative<ReportExposure>[] {
  return scopeOf(REPORT_RULES, 'read', callerOf(actor), ownCountry(actor));
}
