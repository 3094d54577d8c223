import { Role } from '../../domain/role';
import { Actor, STAFF_ROLES } from '../../access/actor';
import { callerOf, isGranted, mayEverBeGranted, Rules } from '../../access/policy';
import { ConflictError, ForbiddenError } from '../../common/errors/domain-errors';
import { MatchStatus } from '../../domain/statuses';
import { matchOwnership } from '../../matching/match-policy';

/** Every decision that can move a pairing, by a person or by the system. */
export enum PairingAction {
  EXPRESS_INTEREST = 'EXPRESS_INTEREST',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  CONFIRM = 'CONFIRM',
  DECLINE = 'DECLINE',
  REPORT_PROGRESS = 'REPORT_PROGRESS',
  COMPLETE = 'COMPLETE',
  SUPERSEDE = 'SUPERSEDE',
}

/** How the one deciding stands to the pairing. */
export enum PairingParty {
  /** The donor organisation that owns the offer. */
  OFFER_DONOR = 'OFFER_DONOR',
  /** The state that owns the need. */
  NEED_STATE = 'NEED_STATE',
  /** SECRETARIAT or ADMIN. */
  STAFF = 'STAFF',
  /** The platform itself (supersession when money runs out). */
  SYSTEM = 'SYSTEM',
}

interface TransitionRule {
  from: readonly MatchStatus[];
  to: MatchStatus;
  by: readonly PairingParty[];
}

const { PROPOSED, DONOR_INTERESTED, APPROVED, CONFIRMED, ACTIVE, COMPLETED, REJECTED, DECLINED, SUPERSEDED } = MatchStatus;

/**
 * The pairing workflow. Consent and follow-up belong to the parties themselves: the Secretariat
 * cannot express a donor's interest, confirm or decline for a state (national ownership), nor file
 * a party's progress report. A state may decline a pairing before it is approved as well, so that a
 * pairing it will never accept does not take the Secretariat's time.
 */
export const PAIRING_RULES: Readonly<Record<PairingAction, TransitionRule>> = {
  [PairingAction.EXPRESS_INTEREST]: { from: [PROPOSED], to: DONOR_INTERESTED, by: [PairingParty.OFFER_DONOR] },
  [PairingAction.APPROVE]: { from: [PROPOSED, DONOR_INTERESTED], to: APPROVED, by: [PairingParty.STAFF] },
  [PairingAction.REJECT]: { from: [PROPOSED, DONOR_INTERESTED, APPROVED], to: REJECTED, by: [PairingParty.STAFF] },
  [PairingAction.CONFIRM]: { from: [APPROVED], to: CONFIRMED, by: [PairingParty.NEED_STATE] },
  [PairingAction.DECLINE]: { from: [PROPOSED, DONOR_INTERESTED, APPROVED], to: DECLINED, by: [PairingParty.NEED_STATE] },
  [PairingAction.REPORT_PROGRESS]: { from: [CONFIRMED, ACTIVE], to: ACTIVE, by: [PairingParty.NEED_STATE, PairingParty.OFFER_DONOR] },
  [PairingAction.COMPLETE]: { from: [CONFIRMED, ACTIVE], to: COMPLETED, by: [PairingParty.NEED_STATE, PairingParty.OFFER_DONOR] },
  [PairingAction.SUPERSEDE]: { from: [PROPOSED, DONOR_INTERESTED], to: SUPERSEDED, by: [PairingParty.SYSTEM] },
};

/** Pairings whose allocation is reserved from the offer and counted in the need's funded amount. */
export const MONEY_HOLDING_STATUSES: readonly MatchStatus[] = [APPROVED, CONFIRMED, ACTIVE, COMPLETED];

/** Pairings still waiting for a decision, which supersession may close. */
export const UNDECIDED_STATUSES: readonly MatchStatus[] = [PROPOSED, DONOR_INTERESTED];

/** Pairings that are running and owe progress reports. */
export const REPORTING_STATUSES: readonly MatchStatus[] = [CONFIRMED, ACTIVE];

export function holdsMoney(status: MatchStatus): boolean {
  return MONEY_HOLDING_STATUSES.includes(status);
}

/** Who owns the two sides of a pairing. */
export interface PairingOwners {
  offerDonorId: string;
  needCountryIso3: string;
}

/** The parties people can be; the platform is none of them. */
type PersonParty = Exclude<PairingParty, PairingParty.SYSTEM>;
/** Who is which party holds however the pairing stands; its status is the transition table's business. */
type AnyStanding = 'ANY';

/**
 * Who each party is: the Secretariat and operators on any pairing, a donor or a state on its own
 * side of one (the match policy says which side is whose).
 */
const PARTY_RULES: Rules<PersonParty, AnyStanding> = {
  [PairingParty.OFFER_DONOR]: [{ roles: [Role.DONOR], of: 'own' }],
  [PairingParty.NEED_STATE]: [{ roles: [Role.STATE], of: 'own' }],
  [PairingParty.STAFF]: [{ roles: STAFF_ROLES, of: 'any' }],
};
const PERSON_PARTIES = Object.keys(PARTY_RULES) as PersonParty[];

/** Every capacity in which the actor may take part in this pairing (none for an outsider). */
export function partiesOf(actor: Actor, owners: PairingOwners): PairingParty[] {
  const ownership = matchOwnership(actor, owners);
  return PERSON_PARTIES.filter((party) => isGranted(PARTY_RULES, party, callerOf(actor), ownership, 'ANY'));
}

/** The roles that may take one of these actions on some pairing: what the operation's role guard lets through. */
export function rolesDeciding(...actions: PairingAction[]): Role[] {
  const parties = actions.flatMap((action) => PAIRING_RULES[action].by.filter((party) => party !== PairingParty.SYSTEM));
  return Object.values(Role).filter((role) => parties.some((party) => mayEverBeGranted(PARTY_RULES, party, role)));
}

const PARTY_NAMES: Record<PairingParty, string> = {
  [PairingParty.OFFER_DONOR]: "the offer's donor",
  [PairingParty.NEED_STATE]: 'the requesting state',
  [PairingParty.STAFF]: 'the Secretariat',
  [PairingParty.SYSTEM]: 'the platform',
};

/**
 * The status the action leads to, or the refusal: FORBIDDEN when none of the parties may take the
 * action, CONFLICT when the pairing is not in a status the action starts from. Authority is checked
 * first, so an outsider learns nothing about where the pairing stands.
 */
export function nextPairingStatus(action: PairingAction, from: MatchStatus, parties: readonly PairingParty[]): MatchStatus {
  const rule = PAIRING_RULES[action];
  if (!rule.by.some((party) => parties.includes(party))) {
    throw new ForbiddenError(`Only ${rule.by.map((party) => PARTY_NAMES[party]).join(' or ')} may ${describe(action)} this pairing.`);
  }
  if (!rule.from.includes(from)) {
    throw new ConflictError(`Cannot ${describe(action)} a ${from} pairing; only a ${rule.from.join(' or ')} one.`);
  }
  return rule.to;
}

function describe(action: PairingAction): string {
  return action.toLowerCase().replace(/_/g, ' ');
}
