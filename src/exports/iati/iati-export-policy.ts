import { Actor, STAFF_ROLES } from '../../access/actor';
import { callerOf, isGranted, mayEverBeGranted, Ownership, Rules } from '../../access/policy';
import { BadUserInputError, ForbiddenError } from '../../common/errors/domain-errors';
import { Role } from '../../domain/role';
import { ownDonor } from '../../offers/offer-policy';

export type IatiExportAction = 'export';
/** A donor's IATI activities are exported whole, in one way only. */
export type IatiExportExposure = 'ACTIVITIES';
export const IATI_EXPORT_EXPOSURES: readonly IatiExportExposure[] = ['ACTIVITIES'];

/**
 * Who may export a donor's activities: the donor itself, and the Secretariat and operators for any
 * donor. The export lists a donor's commitments, which only it and the Secretariat see whole.
 */
export const IATI_EXPORT_RULES: Rules<IatiExportAction, IatiExportExposure> = {
  export: [
    { roles: STAFF_ROLES, of: 'any' },
    { roles: [Role.DONOR], of: 'own' },
  ],
};

function ownership(actor: Actor, donorId: string): Ownership {
  return ownDonor(actor) === donorId ? 'own' : 'other';
}

export function mayExportActivitiesOf(actor: Actor, donorId: string): boolean {
  return isGranted(IATI_EXPORT_RULES, 'export', callerOf(actor), ownership(actor, donorId), 'ACTIVITIES');
}

/**
 * The donor whose activities the actor exports: the one it names (`?donorId=`), or else its own;
 * refused when it may not export that donor's, or names none and owns none.
 */
export function donorToExport(actor: Actor, requestedDonorId: string | undefined): string {
  if (!mayEverBeGranted(IATI_EXPORT_RULES, 'export', callerOf(actor)))
    throw new ForbiddenError('Only donors and the Secretariat export IATI activities.');
  const donorId = requestedDonorId ?? ownDonor(actor);
  if (donorId === null) throw BadUserInputError.forField('donorId', 'Name the donor whose activities to export (?donorId=…).');
  if (!mayExportActivitiesOf(actor, donorId)) throw new ForbiddenError('A donor exports only its own activities.');
  return donorId;
}
