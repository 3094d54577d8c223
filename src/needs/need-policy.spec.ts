import { Caller, Ownership } from '../access/policy';
import { actorOf, everyCase } from '../access/policy-matrix';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-errors';
import { Visibility } from '../domain/enums';
import { Role } from '../domain/role';
import { NeedStatus } from '../domain/statuses';
import {
  NEED_EXPOSURES,
  NEED_RULES,
  NeedAction,
  NeedExposure,
  needExposure,
  mayDoToNeed,
  needVisibilityScope,
  refusalToChange,
  refusalToFile,
} from './need-policy';

/**
 * The rules of docs/domain.md in plain words: the Secretariat and operators act for any state; a state
 * sees, files and edits only its own country's needs; otherwise a draft or a stale need is seen by no one else, and a
 * published need by whom its visibility names (PUBLIC anyone, DONORS signed-in donors, SECRETARIAT
 * only the Secretariat).
 */
function domainAllows(caller: Caller, ownsNeed: boolean, action: NeedAction, exposure: NeedExposure): boolean {
  if (caller === Role.SECRETARIAT || caller === Role.ADMIN) return true;
  if (caller === Role.STATE && ownsNeed) return true;
  switch (action) {
    case 'file':
    case 'change':
      return false;
    case 'see':
      return exposure === Visibility.PUBLIC || (exposure === Visibility.DONORS && caller === Role.DONOR);
    default:
      throw new Error(`The domain rules say nothing of the action ${action as string}.`);
  }
}

function needWith(ownership: Ownership, exposure: NeedExposure) {
  return {
    id: 'need-1',
    countryIso3: ownership === 'own' ? 'NGA' : 'GHA',
    status: exposure === 'UNLISTED' ? NeedStatus.DRAFT : NeedStatus.OPEN,
    visibility: exposure === 'UNLISTED' ? Visibility.PUBLIC : exposure,
  };
}

const MATRIX = everyCase(NEED_RULES, NEED_EXPOSURES);

describe('need policy', () => {
  it.each(MATRIX)('$caller on $ownership need, $action, $exposure', ({ caller, ownership, action, exposure }) => {
    const actor = actorOf(caller);
    const need = needWith(ownership, exposure);
    const expected = domainAllows(caller, caller === Role.STATE && ownership === 'own', action, exposure);
    expect(mayDoToNeed(actor, action, need)).toBe(expected);
    if (action === 'change' && actor) expect(refusalToChange(actor, need) === null).toBe(expected);
    if (action === 'file' && actor && exposure === 'UNLISTED') expect(refusalToFile(actor, need.countryIso3) === null).toBe(expected);
  });

  it.each(MATRIX.filter(({ action }) => action === 'see'))(
    'the query scope of $caller agrees on a $ownership $exposure need',
    ({ caller, ownership, exposure }) => {
      const actor = actorOf(caller);
      const need = needWith(ownership, exposure);
      const inScope = needVisibilityScope(actor).some(
        (alternative) =>
          (alternative.owner === null || alternative.owner === need.countryIso3) &&
          (alternative.exposures === null || alternative.exposures.includes(needExposure(need))),
      );
      expect(inScope).toBe(mayDoToNeed(actor, 'see', need));
    },
  );

  it('shows a stale need, whatever its visibility, only as it shows a draft', () => {
    for (const visibility of Object.values(Visibility)) {
      expect(needExposure({ status: NeedStatus.STALE, visibility })).toBe('UNLISTED');
      expect(mayDoToNeed(actorOf(Role.DONOR), 'see', { countryIso3: 'GHA', status: NeedStatus.STALE, visibility })).toBe(false);
      expect(mayDoToNeed(actorOf(Role.STATE), 'see', { countryIso3: 'NGA', status: NeedStatus.STALE, visibility })).toBe(true);
    }
  });

  it('hides a need the actor may not see instead of refusing the change', () => {
    const donor = actorOf(Role.DONOR)!;
    expect(refusalToChange(donor, needWith('other', 'UNLISTED'))).toBeInstanceOf(NotFoundError);
    expect(refusalToChange(donor, needWith('other', Visibility.PUBLIC))).toBeInstanceOf(ForbiddenError);
  });

  it('tells a donor that only states file needs, and a state that it files only for its own country', () => {
    expect(refusalToFile(actorOf(Role.DONOR)!, 'NGA')?.message).toBe('Only states and the Secretariat file needs.');
    expect(refusalToFile(actorOf(Role.STATE)!, 'GHA')?.message).toBe('A state files needs only for its own country.');
  });
});
