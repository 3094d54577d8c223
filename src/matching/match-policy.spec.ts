import { Caller, Ownership } from '../access/policy';
import { actorOf, everyCase } from '../access/policy-matrix';
import { Visibility } from '../domain/enums';
import { Role } from '../domain/role';
import { MatchStatus, NeedStatus } from '../domain/statuses';
import { needVisibilityScope } from '../needs/need-policy';
import { MatchEventKind, mayHear } from './events/match-event';
import {
  isAddressee,
  MATCH_EXPOSURES,
  MATCH_RULES,
  MatchExposure,
  matchesUnderNeed,
  MatchFacts,
  matchVisibilityScope,
  mayDoToMatch,
} from './match-policy';

/**
 * The rules of docs/domain.md in plain words: the Secretariat and operators see every match; a state
 * sees the matches of its own country's needs; a donor those of its own offers, but only where it may
 * see the need (published to everyone or to donors); nobody else sees any.
 */
function domainAllows(caller: Caller, ownsSide: boolean, exposure: MatchExposure): boolean {
  if (caller === Role.SECRETARIAT || caller === Role.ADMIN) return true;
  if (caller === Role.STATE) return ownsSide;
  if (caller === Role.DONOR) return ownsSide && (exposure === Visibility.PUBLIC || exposure === Visibility.DONORS);
  return false;
}

/** News of a pairing goes to its parties and the Secretariat, whatever its need shows (that is checked apart). */
function domainAddresses(caller: Caller, ownsSide: boolean): boolean {
  return caller === Role.SECRETARIAT || caller === Role.ADMIN || ((caller === Role.STATE || caller === Role.DONOR) && ownsSide);
}

/** A match whose two sides are the caller's (its country's need, its organisation's offer) or someone else's. */
function matchWith(ownership: Ownership, exposure: MatchExposure): MatchFacts {
  return ownership === 'own'
    ? { needCountryIso3: 'NGA', offerDonorId: 'donor-1', needExposure: exposure }
    : { needCountryIso3: 'GHA', offerDonorId: 'donor-2', needExposure: exposure };
}

function needOf(match: MatchFacts) {
  return {
    countryIso3: match.needCountryIso3,
    status: match.needExposure === 'UNLISTED' ? NeedStatus.STALE : NeedStatus.OPEN,
    visibility: match.needExposure === 'UNLISTED' ? Visibility.PUBLIC : match.needExposure,
  };
}

const MATRIX = everyCase(MATCH_RULES, MATCH_EXPOSURES);
const owns = (caller: Caller, ownership: Ownership) => (caller === Role.STATE || caller === Role.DONOR) && ownership === 'own';

describe('match policy', () => {
  it.each(MATRIX)('$caller on $ownership match, $action, need $exposure', ({ caller, ownership, action, exposure }) => {
    const actor = actorOf(caller);
    const match = matchWith(ownership, exposure);
    const expected = domainAllows(caller, owns(caller, ownership), exposure);
    expect(mayDoToMatch(actor, action, match)).toBe(expected);
    if (actor) {
      const message = {
        ...match,
        kind: MatchEventKind.STATUS_CHANGED,
        matchId: 'match-1',
        needId: 'need-1',
        offerId: 'offer-1',
        status: MatchStatus.APPROVED,
        previousStatus: MatchStatus.PROPOSED,
        version: 2,
        allocatedUsd: 1000,
        offerDonorId: match.offerDonorId!,
        at: '2026-12-05T00:00:00.000Z',
      };
      expect(mayHear(actor, message)).toBe(expected);
      expect(isAddressee(actor, match)).toBe(domainAddresses(caller, owns(caller, ownership)));
    }
  });

  it.each(MATRIX)('the query scope of $caller agrees on a $ownership match, need $exposure', ({ caller, ownership, exposure }) => {
    const actor = actorOf(caller);
    const match = matchWith(ownership, exposure);
    const { side, alternatives } = matchVisibilityScope(actor);
    const inMatchScope = alternatives.some(
      (alternative) =>
        (alternative.owner === null || alternative.owner === match[side]) &&
        (alternative.exposures === null || alternative.exposures.includes(exposure)),
    );
    const inNeedScope = needVisibilityScope(actor).some(
      (alternative) =>
        (alternative.owner === null || alternative.owner === match.needCountryIso3) &&
        (alternative.exposures === null || alternative.exposures.includes(exposure)),
    );
    expect(inMatchScope && inNeedScope).toBe(mayDoToMatch(actor, 'see', match));
  });

  it.each(MATRIX)(
    'the matches $caller lists under a $ownership need ($exposure) are those it may see',
    ({ caller, ownership, exposure }) => {
      const actor = actorOf(caller);
      const need = matchWith(ownership, exposure);
      const ofOwnOffer = mayDoToMatch(actor, 'see', { ...need, offerDonorId: 'donor-1' });
      const ofOtherOffer = mayDoToMatch(actor, 'see', { ...need, offerDonorId: 'donor-2' });
      const listed = matchesUnderNeed(actor, needOf(need));
      expect(listed).toEqual(ofOtherOffer ? { kind: 'all' } : ofOwnOffer ? { kind: 'donor', donorId: actor!.donorId } : { kind: 'none' });
    },
  );

  it("keeps a donor from hearing of its offer's pair with a need shown only to the Secretariat", () => {
    const donor = actorOf(Role.DONOR)!;
    expect(mayDoToMatch(donor, 'see', matchWith('own', Visibility.SECRETARIAT))).toBe(false);
    expect(isAddressee(donor, matchWith('own', Visibility.SECRETARIAT))).toBe(true);
  });
});
