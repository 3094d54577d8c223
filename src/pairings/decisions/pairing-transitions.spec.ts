import { Role } from '../../domain/role';
import { Actor } from '../../access/actor';
import { ConflictError, ForbiddenError } from '../../common/errors/domain-errors';
import { MatchStatus } from '../../domain/statuses';
import { holdsMoney, nextPairingStatus, PairingAction, PairingParty, partiesOf } from './pairing-transitions';

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
