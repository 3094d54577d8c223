import type { Caller } from '../access/policy';
import { actorOf, everyCase } from '../access/policy-matrix';
import { Role } from '../domain/role';
import { mayReadReport, refusalToImport, REPORT_EXPOSURES, REPORT_RULES, ReportAction, reportReadScope } from './report-policy';

/**
 * The rules of docs/domain.md in plain words: a state imports and reads its own country's national
 * reports, drafting its needs from them; the Secretariat and operators act for any state; nobody else
 * reads a report.
 */
function domainAllows(caller: Caller, ownsReport: boolean, action: ReportAction): boolean {
  switch (action) {
    case 'read':
    case 'import':
      return caller === Role.SECRETARIAT || caller === Role.ADMIN || (caller === Role.STATE && ownsReport);
    default:
      throw new Error(`The domain rules say nothing of the action ${action as string}.`);
  }
}

const MATRIX = everyCase(REPORT_RULES, REPORT_EXPOSURES);

describe('national report policy', () => {
  it.each(MATRIX)('$caller on $ownership report, $action', ({ caller, ownership, action }) => {
    const actor = actorOf(caller);
    const report = { countryIso3: ownership === 'own' ? 'NGA' : 'GHA' };
    const expected = domainAllows(caller, caller === Role.STATE && ownership === 'own', action);
    if (action === 'read') {
      expect(mayReadReport(actor, report)).toBe(expected);
      const inScope = reportReadScope(actor).some((alternative) => alternative.owner === null || alternative.owner === report.countryIso3);
      expect(inScope).toBe(expected);
    } else if (actor) {
      expect(refusalToImport(actor, report.countryIso3) === null).toBe(expected);
    }
  });

  it('tells a donor that only states import reports, and a state that it imports only its own', () => {
    expect(refusalToImport(actorOf(Role.DONOR)!, 'NGA')?.message).toBe('Only states and the Secretariat import national reports.');
    expect(refusalToImport(actorOf(Role.STATE)!, 'GHA')?.message).toBe("A state imports only its own country's national reports.");
  });
});
