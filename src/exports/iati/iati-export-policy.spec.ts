import type { Actor } from '../../access/actor';
import { ANONYMOUS, Caller, rolesGranted } from '../../access/policy';
import { actorOf, everyCase } from '../../access/policy-matrix';
import { BadUserInputError, ForbiddenError } from '../../common/errors/domain-errors';
import { Role } from '../../domain/role';
import { donorToExport, IATI_EXPORT_EXPOSURES, IATI_EXPORT_RULES, mayExportActivitiesOf } from './iati-export-policy';

/**
 * docs/domain.md in plain words: a donor publishes its own commitments to IATI, and the Secretariat
 * (and operators) any donor's; states and other donors may not, since only the donor and the
 * Secretariat see a donor's commitments whole.
 */
function domainAllows(caller: Caller, ownsDonor: boolean): boolean {
  return caller === Role.SECRETARIAT || caller === Role.ADMIN || (caller === Role.DONOR && ownsDonor);
}

const signedIn = (caller: Caller): Actor => actorOf(caller)!;

const MATRIX = everyCase(IATI_EXPORT_RULES, IATI_EXPORT_EXPOSURES).filter(({ caller }) => caller !== ANONYMOUS);

describe('IATI export policy', () => {
  it.each(MATRIX)("$caller exporting $ownership donor's activities", ({ caller, ownership }) => {
    const actor = signedIn(caller);
    const donorId = ownership === 'own' ? 'donor-1' : 'donor-2';
    const expected = domainAllows(caller, caller === Role.DONOR && ownership === 'own');
    expect(mayExportActivitiesOf(actor, donorId)).toBe(expected);
    if (expected) expect(donorToExport(actor, donorId)).toBe(donorId);
    else expect(() => donorToExport(actor, donorId)).toThrow(ForbiddenError);
  });

  it('lets through the role guard exactly the roles that may export some donor', () => {
    const mayEver = (role: Role) => domainAllows(role, true) || domainAllows(role, false);
    expect(rolesGranted(IATI_EXPORT_RULES, 'export')).toEqual(Object.values(Role).filter(mayEver));
  });

  it("takes a donor's own when it names none, and asks the Secretariat to name one", () => {
    expect(donorToExport(signedIn(Role.DONOR), undefined)).toBe('donor-1');
    expect(() => donorToExport(signedIn(Role.SECRETARIAT), undefined)).toThrow(BadUserInputError);
  });

  it('tells a state that only donors and the Secretariat export, and a donor that it exports only its own', () => {
    expect(() => donorToExport(signedIn(Role.STATE), 'donor-1')).toThrow('Only donors and the Secretariat export IATI activities.');
    expect(() => donorToExport(signedIn(Role.DONOR), 'donor-2')).toThrow('A donor exports only its own activities.');
  });
});
