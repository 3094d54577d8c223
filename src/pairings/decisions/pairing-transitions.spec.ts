import { Role } from '../../domain/role';
import { Actor } from '../../access/actor';
import { ANONYMOUS, Caller, CALLERS } from '../../access/policy';
import { actorOf, everyCase } from '../../access/policy-matrix';
import { ConflictError, ForbiddenError } from '../../common/errors/domain-errors';
import { MatchStatus } from '../../domain/statuses';
import { holdsMoney, nextPairingStatus, PAIRING_RULES, PairingAction, PairingParty, partiesOf, rolesDeciding } from './pairing-transitions';

const ALL_STATUSES = Object.values(MatchStatus);
const ALL_PARTIES = Object.values(PairingParty);

/** The workflow as the issue states it, written independently of the rule table. */
const EXPECTED: Record<PairingAction, { from: MatchStatus[]; to: MatchStatus; by: PairingParty[] }> = {
  EXPRESS_INTEREST: { from: [MatchStatus.PROPOSED], to: MatchStatus.DONOR_INTERESTED, by: [PairingParty.OFFER_DONOR] },
  APPROVE: { from: [MatchStatus.PROPOSED, MatchStatus.DONOR_INTERESTED], to: MatchStatus.APPROVED, by: [PairingParty.STAFF] },
  REJECT: {
    from: [MatchStatus.PROPOSED, MatchStatus.DONOR_INTERESTED, MatchStatus.APPROVED],
    to: MatchStatus.REJECTED,
    by: [PairingParty.STAFF],
  },
  CONFIRM: { from: [MatchStatus.APPROVED], to: MatchStatus.CONFIRMED, by: [PairingParty.NEED_STATE] },
  DECLINE: {
    from: [MatchStatus.PROPOSED, MatchStatus.DONOR_INTERESTED, MatchStatus.APPROVED],
    to: MatchStatus.DECLINED,
    by: [PairingParty.NEED_STATE],
  },
  REPORT_PROGRESS: {
    from: [MatchStatus.CONFIRMED, MatchStatus.ACTIVE],
    to: MatchStatus.ACTIVE,
    by: [PairingParty.NEED_STATE, PairingParty.OFFER_DONOR],
  },
  COMPLETE: {
    from: [MatchStatus.CONFIRMED, MatchStatus.ACTIVE],
    to: MatchStatus.COMPLETED,
    by: [PairingParty.NEED_STATE, PairingParty.OFFER_DONOR],
  },
  SUPERSEDE: { from: [MatchStatus.PROPOSED, MatchStatus.DONOR_INTERESTED], to: MatchStatus.SUPERSEDED, by: [PairingParty.SYSTEM] },
};

describe('nextPairingStatus', () => {
  for (const action of Object.values(PairingAction)) {
    const expected = EXPECTED[action];
    describe(action, () => {
      for (const from of ALL_STATUSES) {
        for (const party of ALL_PARTIES) {
          const allowedParty = expected.by.includes(party);
          const allowedFrom = expected.from.includes(from);
          const outcome = !allowedParty ? 'FORBIDDEN' : allowedFrom ? expected.to : 'CONFLICT';
          it(`${party} on ${from} → ${outcome}`, () => {
            const decide = () => nextPairingStatus(action, from, [party]);
            if (!allowedParty) expect(decide).toThrow(ForbiddenError);
            else if (!allowedFrom) expect(decide).toThrow(ConflictError);
            else expect(decide()).toBe(expected.to);
          });
        }
      }
    });
  }

  it('refuses an actor with no part in the pairing before looking at the status', () => {
    expect(() => nextPairingStatus(PairingAction.CONFIRM, MatchStatus.REJECTED, [])).toThrow(ForbiddenError);
  });

  it('lets the terminal statuses go nowhere', () => {
    for (const from of [MatchStatus.COMPLETED, MatchStatus.REJECTED, MatchStatus.DECLINED, MatchStatus.SUPERSEDED]) {
      for (const action of Object.values(PairingAction)) {
        expect(() => nextPairingStatus(action, from, ALL_PARTIES)).toThrow(ConflictError);
      }
    }
  });
});

describe('partiesOf', () => {
  const owners = { offerDonorId: 'donor-1', needCountryIso3: 'NGA' };
  const actor = (role: Role, binding: Partial<Actor> = {}): Actor => ({
    userId: 'u',
    email: 'u@example.org',
    role,
    countryIso3: null,
    donorId: null,
    ...binding,
  });

  it('recognises the owning donor, the owning state and staff', () => {
    expect(partiesOf(actor(Role.DONOR, { donorId: 'donor-1' }), owners)).toEqual([PairingParty.OFFER_DONOR]);
    expect(partiesOf(actor(Role.STATE, { countryIso3: 'NGA' }), owners)).toEqual([PairingParty.NEED_STATE]);
    expect(partiesOf(actor(Role.SECRETARIAT), owners)).toEqual([PairingParty.STAFF]);
    expect(partiesOf(actor(Role.ADMIN), owners)).toEqual([PairingParty.STAFF]);
  });

  it('gives outsiders no part', () => {
    expect(partiesOf(actor(Role.DONOR, { donorId: 'donor-2' }), owners)).toEqual([]);
    expect(partiesOf(actor(Role.STATE, { countryIso3: 'GHA' }), owners)).toEqual([]);
    expect(partiesOf(actor(Role.DONOR), owners)).toEqual([]);
  });
});

describe('holdsMoney', () => {
  it('is true exactly for approved and later live pairings', () => {
    expect(ALL_STATUSES.filter(holdsMoney).sort()).toEqual(
      [MatchStatus.APPROVED, MatchStatus.CONFIRMED, MatchStatus.ACTIVE, MatchStatus.COMPLETED].sort(),
    );
  });
});

/**
 * docs/domain.md in plain words, by who is asking: the offer's donor expresses interest in a proposal;
 * the Secretariat approves a proposal (interest shown or not) and rejects anything not yet confirmed;
 * the need's state confirms an approved pairing and declines anything not yet confirmed; either party
 * reports on, and completes, a confirmed or running pairing; nobody supersedes (the platform does).
 * Whoever may not take the action is refused before the pairing's status is looked at.
 */
function domainOutcome(
  caller: Caller,
  ownsSide: boolean,
  action: PairingAction,
  from: MatchStatus,
): MatchStatus | 'FORBIDDEN' | 'CONFLICT' {
  const staff = caller === Role.SECRETARIAT || caller === Role.ADMIN;
  const offerDonor = caller === Role.DONOR && ownsSide;
  const needState = caller === Role.STATE && ownsSide;
  const undecided = [MatchStatus.PROPOSED, MatchStatus.DONOR_INTERESTED];
  const running = [MatchStatus.CONFIRMED, MatchStatus.ACTIVE];
  const decide = (allowed: boolean, fromStatuses: MatchStatus[], to: MatchStatus) =>
    !allowed ? 'FORBIDDEN' : fromStatuses.includes(from) ? to : 'CONFLICT';
  switch (action) {
    case PairingAction.EXPRESS_INTEREST:
      return decide(offerDonor, [MatchStatus.PROPOSED], MatchStatus.DONOR_INTERESTED);
    case PairingAction.APPROVE:
      return decide(staff, undecided, MatchStatus.APPROVED);
    case PairingAction.REJECT:
      return decide(staff, [...undecided, MatchStatus.APPROVED], MatchStatus.REJECTED);
    case PairingAction.CONFIRM:
      return decide(needState, [MatchStatus.APPROVED], MatchStatus.CONFIRMED);
    case PairingAction.DECLINE:
      return decide(needState, [...undecided, MatchStatus.APPROVED], MatchStatus.DECLINED);
    case PairingAction.REPORT_PROGRESS:
      return decide(offerDonor || needState, running, MatchStatus.ACTIVE);
    case PairingAction.COMPLETE:
      return decide(offerDonor || needState, running, MatchStatus.COMPLETED);
    case PairingAction.SUPERSEDE:
      return 'FORBIDDEN';
    default:
      throw new Error(`The domain rules say nothing of the action ${action as string}.`);
  }
}

describe('pairing decisions by role and side', () => {
  const pairing = (ownership: 'own' | 'other') =>
    ownership === 'own' ? { offerDonorId: 'donor-1', needCountryIso3: 'NGA' } : { offerDonorId: 'donor-2', needCountryIso3: 'GHA' };
  const ownsSide = (caller: Caller, ownership: 'own' | 'other') => (caller === Role.STATE || caller === Role.DONOR) && ownership === 'own';
  const MATRIX = everyCase(PAIRING_RULES, ALL_STATUSES).filter(({ caller }) => caller !== ANONYMOUS);

  it.each(MATRIX)('$caller on $ownership pairing, $action from $exposure', ({ caller, ownership, action, exposure: from }) => {
    const expected = domainOutcome(caller, ownsSide(caller, ownership), action, from);
    const decide = () => nextPairingStatus(action, from, partiesOf(actorOf(caller)!, pairing(ownership)));
    if (expected === 'FORBIDDEN') expect(decide).toThrow(ForbiddenError);
    else if (expected === 'CONFLICT') expect(decide).toThrow(ConflictError);
    else expect(decide()).toBe(expected);
  });

  it.each(Object.values(PairingAction))("lets through %s's role guard exactly the roles that may take it on some pairing", (action) => {
    const mayEver = (caller: Caller) =>
      (['own', 'other'] as const).some((ownership) =>
        ALL_STATUSES.some((from) => domainOutcome(caller, ownsSide(caller, ownership), action, from) !== 'FORBIDDEN'),
      );
    expect(rolesDeciding(action).sort()).toEqual(CALLERS.filter(mayEver).sort());
  });
});
