import { Actor, isStaff } from '../access/actor';
import { BadUserInputError } from '../common/errors/domain-errors';
import type { ReferenceService } from '../reference/reference.service';

/**
 * The country a state's paperwork is for (a need filed, a national report imported): the Secretariat
 * acts for a state it must name, one that exists; a state for the country it names or its own, which
 * its policy then allows or refuses.
 */
export function countryActedFor(actor: Actor, requested: string | undefined, reference: ReferenceService, nameTheCountry: string): string {
  if (isStaff(actor)) {
    if (!requested) throw BadUserInputError.forField('input.countryIso3', nameTheCountry);
    return reference.requireCountry(requested, 'input.countryIso3');
  }
  return requested?.toUpperCase() ?? actor.countryIso3 ?? '';
}
