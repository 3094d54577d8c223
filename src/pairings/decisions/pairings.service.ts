import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Actor } from '../../access/actor';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors/domain-errors';
import { rowForUpdate } from '../../database/locking';
import { Match } from '../../matching/entities/match.entity';
import { MatchStatus } from '../../domain/statuses';
import { NeedChanges } from '../../needs/need-changes';
import { OfferChanges } from '../../offers/offer-changes';
import { Need } from '../../needs/entities/need.entity';
import { NeedStatus } from '../../domain/statuses';
import { fundingGapUsd, fundingStatus, LIVE_NEED_STATUSES } from '../../needs/need-lifecycle';
import { mayDoToNeed, needExposure } from '../../needs/need-policy';
import { Visibility } from '../../domain/enums';
import { Offer } from '../../offers/entities/offer.entity';
import { OfferStatus } from '../../domain/statuses';
import { capacityStatus } from '../../offers/offer-lifecycle';
import { inDecisionTransaction } from './decision-transaction';
import { MatchEventKind, MatchEventMessage } from '../../matching/events/match-event';
import { MatchEventBus } from '../../matching/events/match-event-bus';
import { NotificationKind } from '../../notifications/notification-kind';
import { NotificationEvent } from '../../notifications/outbox/notification-event';
import { NotificationOutbox } from '../../notifications/outbox/notification-outbox';
import { holdsMoney, nextPairingStatus, PairingAction, PairingParty, partiesOf, UNDECIDED_STATUSES } from './pairing-transitions';

/** Everything a decision may read and change, locked for the length of its transaction. */
export interface LockedPairing {
  match: Match;
  offer: Offer;
  need: Need;
}

/** How a decision changes the pairing besides its status, and what the audit trail should say. */
interface DecisionEffects {
  /** Runs with the rows locked, after authority, version and status are checked. */
  apply?: (locked: LockedPairing) => Record<string, unknown>;
  expectedVersion?: number;
  detail?: Record<string, unknown>;
}

/** Offer statuses whose capacity moves with allocations (a DRAFT, CLOSED or WITHDRAWN offer keeps its status). */
const CAPACITY_TRACKED_OFFER_STATUSES = [OfferStatus.OPEN, OfferStatus.EXHAUSTED];
/** Need statuses that follow the money approved. */
const FUNDING_TRACKED_NEED_STATUSES = [...LIVE_NEED_STATUSES, NeedStatus.FUNDED];

/**
 * The Secretariat's and the parties' decisions on pairings. Each decision is one transaction that
 * locks the offer, then the need, then the match (always in that order, so concurrent decisions
 * queue instead of deadlocking), checks authority, version and status, moves the money, bumps the
 * version and writes the audit trail; events go out after the commit.
 */
@Injectable()
export class PairingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: MatchEventBus,
    private readonly needChanges: NeedChanges,
    private readonly offerChanges: OfferChanges,
    private readonly notifications: NotificationOutbox,
  ) {}

  expressInterest(actor: Actor, id: string): Promise<Match> {
    return this.decide(actor, id, PairingAction.EXPRESS_INTEREST, {});
  }

  approve(actor: Actor, id: string, allocatedUsd: number, expectedVersion: number, note?: string | null): Promise<Match> {
    return this.decide(actor, id, PairingAction.APPROVE, { ...approval(allocatedUsd, note ? { note } : {}), expectedVersion });
  }

  reject(actor: Actor, id: string, reason: string, expectedVersion: number): Promise<Match> {
    return this.decide(actor, id, PairingAction.REJECT, { expectedVersion, detail: { reason }, apply: releaseIfHeld });
  }

  confirm(actor: Actor, id: string): Promise<Match> {
    return this.decide(actor, id, PairingAction.CONFIRM, {
      apply: ({ match }) => ({ allocatedUsd: match.allocatedUsd }),
    });
  }

  decline(actor: Actor, id: string, reason: string): Promise<Match> {
    return this.decide(actor, id, PairingAction.DECLINE, { detail: { reason }, apply: releaseIfHeld });
  }

  /**
   * Locks a pairing's offer, need and match for a decision by `actor`, here or elsewhere in the
   * module (progress reports). A pairing shows as its need does (match-policy.ts): to a party who may
   * no longer see the need (made visible to the Secretariat only, or stale) it does not exist either.
   */
  async lockPairing(manager: EntityManager, actor: Actor, id: string): Promise<LockedPairing> {
    const sides = await manager.findOne(Match, { where: { id }, select: { id: true, offerId: true, needId: true } });
    if (!sides) throw new NotFoundError('Match', id);
    const offer = await rowForUpdate(manager, Offer, sides.offerId);
    const need = await rowForUpdate(manager, Need, sides.needId);
    const match = await rowForUpdate(manager, Match, id);
    if (!offer || !need || !match || !mayDoToNeed(actor, 'see', need)) throw new NotFoundError('Match', id);
    return { match, offer, need };
  }

  /** The parties the actor may act as on this pairing. */
  partiesIn(actor: Actor, { offer, need }: LockedPairing): PairingParty[] {
    return partiesOf(actor, { offerDonorId: offer.donorId, needCountryIso3: need.countryIso3 });
  }

  /** Sends events for decisions committed elsewhere in the module. */
  announce(messages: MatchEventMessage[]): Promise<void> {
    return this.events.publish(messages);
  }

  /**
   * Approves a pairing whose offer, need and match the caller has locked (in the usual order), as
   * `applyAllocationPlan` does for many at once. Returns the events to send after the commit; the
   * caller supersedes what the new allocations leave without money once all are made.
   */
  approveLocked(
    manager: EntityManager,
    actor: Actor,
    locked: LockedPairing,
    allocatedUsd: number,
    detail: Record<string, unknown>,
  ): Promise<MatchEventMessage> {
    return this.decideLocked(manager, actor, locked, PairingAction.APPROVE, approval(allocatedUsd, detail));
  }

  private async decide(actor: Actor, id: string, action: PairingAction, effects: DecisionEffects): Promise<Match> {
    const { match, announcements } = await inDecisionTransaction(this.dataSource, async (manager) => {
      const locked = await this.lockPairing(manager, actor, id);
      const decided = await this.decideLocked(manager, actor, locked, action, effects);
      return { match: locked.match, announcements: [decided, ...(await this.supersedeUndecided(manager, actor, locked))] };
    });
    await this.events.publish(announcements);
    return match;
  }

  private async decideLocked(
    manager: EntityManager,
    actor: Actor,
    locked: LockedPairing,
    action: PairingAction,
    effects: DecisionEffects,
  ): Promise<MatchEventMessage> {
    const { match, offer, need } = locked;
    const from = match.status;
    const to = nextPairingStatus(action, from, this.partiesIn(actor, locked));
    if (effects.expectedVersion !== undefined && effects.expectedVersion !== match.version) {
      throw new ConflictError(
        `The pairing has changed since you read it (version ${match.version}, not ${effects.expectedVersion}); reload and decide again.`,
      );
    }
    const remainingBefore = offer.remainingCapacityUsd;
    const money = effects.apply?.(locked) ?? {};
    match.status = to;
    match.version += 1;
    await manager.save(match);
    if (offer.remainingCapacityUsd !== remainingBefore) {
      await manager.save([offer, need]);
      // What the offer has left and what the need lacks feed the scores (and decide whether either
      // is still matched at all), so both are rescored, committed with the decision.
      await this.needChanges.announce(manager, need.id, actor);
      await this.offerChanges.announce(manager, offer.id);
    }
    await this.audit.record(manager, actor, {
      action: `match.${action.toLowerCase()}`,
      entityType: 'Match',
      entityId: match.id,
      detail: { from, to, version: match.version, needId: need.id, offerId: offer.id, ...effects.detail, ...money },
    });
    const consent = consentNotification(match, from, effects.detail);
    if (consent) await this.notifications.notify(manager, consent);
    return statusChange(match, from, locked);
  }

  /**
   * Once a need is fully funded or an offer has nothing left, its other undecided pairings can no
   * longer be approved; they are closed as SUPERSEDED so nobody spends time on them. This is the
   * platform's doing, not a decision, so the version stays: the matching engine treats superseded
   * rows still at their first version as its own and proposes them again if money is released.
   */
  async supersedeUndecided(manager: EntityManager, actor: Actor, { match, offer, need }: LockedPairing): Promise<MatchEventMessage[]> {
    const causes: { column: 'needId' | 'offerId'; id: string; cause: string }[] = [];
    if (need.status === NeedStatus.FUNDED) causes.push({ column: 'needId', id: need.id, cause: 'NEED_FUNDED' });
    if (offer.status === OfferStatus.EXHAUSTED) causes.push({ column: 'offerId', id: offer.id, cause: 'OFFER_EXHAUSTED' });
    const messages: MatchEventMessage[] = [];
    for (const { column, id, cause } of causes) {
      const rows: SupersededRow[] = await manager
        .createQueryBuilder(Match, 'match')
        .innerJoin(Offer, 'offer', 'offer.id = match.offerId')
        .innerJoin(Need, 'need', 'need.id = match.needId')
        .select('match.id', 'matchId')
        .addSelect('match.needId', 'needId')
        .addSelect('match.offerId', 'offerId')
        .addSelect('match.version', 'version')
        .addSelect('match.status', 'status')
        .addSelect('offer.donorId', 'offerDonorId')
        .addSelect('need.countryIso3', 'needCountryIso3')
        .addSelect('need.status', 'needStatus')
        .addSelect('need.visibility', 'needVisibility')
        .where(`match.${column} = :id`, { id })
        .andWhere('match.status IN (:...undecided)', { undecided: UNDECIDED_STATUSES })
        .andWhere('match.id != :decided', { decided: match.id })
        .getRawMany();
      if (!rows.length) continue;
      await manager
        .createQueryBuilder()
        .update(Match)
        .set({ status: MatchStatus.SUPERSEDED })
        .whereInIds(rows.map((row) => row.matchId))
        .execute();
      for (const row of rows) {
        await this.audit.record(manager, actor, {
          action: 'match.supersede',
          entityType: 'Match',
          entityId: row.matchId,
          detail: { from: row.status, to: MatchStatus.SUPERSEDED, cause, byMatchId: match.id },
        });
        messages.push({
          kind: MatchEventKind.STATUS_CHANGED,
          matchId: row.matchId,
          needId: row.needId,
          offerId: row.offerId,
          status: MatchStatus.SUPERSEDED,
          previousStatus: row.status,
          version: Number(row.version),
          allocatedUsd: null,
          offerDonorId: row.offerDonorId,
          needCountryIso3: row.needCountryIso3,
          needExposure: needExposure({ status: row.needStatus, visibility: row.needVisibility }),
          at: new Date().toISOString(),
        });
      }
    }
    return messages;
  }
}

interface SupersededRow {
  matchId: string;
  needId: string;
  offerId: string;
  version: number | string;
  status: MatchStatus;
  offerDonorId: string;
  needCountryIso3: string;
  needStatus: NeedStatus;
  needVisibility: Visibility;
}

/** The event telling both parties and the Secretariat that a pairing moved. */
export function statusChange(match: Match, from: MatchStatus, { offer, need }: Pick<LockedPairing, 'offer' | 'need'>): MatchEventMessage {
  return {
    kind: MatchEventKind.STATUS_CHANGED,
    matchId: match.id,
    needId: match.needId,
    offerId: match.offerId,
    status: match.status,
    previousStatus: from,
    version: match.version,
    allocatedUsd: match.allocatedUsd,
    offerDonorId: offer.donorId,
    needCountryIso3: need.countryIso3,
    needExposure: needExposure(need),
    at: new Date().toISOString(),
  };
}

/**
 * Consent is the parties' business: an approval asks the state for it, and the donor hears the
 * state's answer (a decline only where the donor had engaged: interest shown, or approved).
 */
function consentNotification(match: Match, from: MatchStatus, detail: Record<string, unknown> = {}): NotificationEvent | null {
  const event = (kind: NotificationKind, params: NotificationEvent['params']): NotificationEvent => ({
    kind,
    eventKey: `${kind}:${match.id}:${match.version}`,
    matchId: match.id,
    params,
  });
  if (match.status === MatchStatus.APPROVED) return event(NotificationKind.CONSENT_REQUESTED, { allocatedUsd: match.allocatedUsd });
  if (match.status === MatchStatus.CONFIRMED) return event(NotificationKind.CONSENT_GIVEN, { allocatedUsd: match.allocatedUsd });
  if (match.status === MatchStatus.DECLINED && (from === MatchStatus.APPROVED || from === MatchStatus.DONOR_INTERESTED)) {
    return event(NotificationKind.CONSENT_DECLINED, { reason: typeof detail.reason === 'string' ? detail.reason : '' });
  }
  return null;
}

/** Approving reserves the allocation, after checking that it fits. */
function approval(allocatedUsd: number, detail: Record<string, unknown>): DecisionEffects {
  return {
    detail,
    apply: ({ match, offer, need }) => {
      assertAllocationFits(allocatedUsd, offer, need);
      const before = moneySnapshot(offer, need);
      match.allocatedUsd = allocatedUsd;
      moveMoney(offer, need, allocatedUsd);
      return { allocatedUsd, ...before, ...moneySnapshot(offer, need, 'After') };
    },
  };
}

/**
 * An allocation must fit what the offer has left and what the need still lacks, and respect the
 * offer's grant limits; the refusal names `allocatedUsd`.
 */
function assertAllocationFits(allocatedUsd: number, offer: Offer, need: Need): void {
  const refuse = (message: string) => {
    throw BadUserInputError.forField('allocatedUsd', message);
  };
  if (!CAPACITY_TRACKED_OFFER_STATUSES.includes(offer.status))
    throw new ConflictError(`The offer is ${offer.status}; it cannot fund pairings.`);
  if (!FUNDING_TRACKED_NEED_STATUSES.includes(need.status))
    throw new ConflictError(`The need is ${need.status}; it cannot receive funding.`);
  if (!Number.isInteger(allocatedUsd) || allocatedUsd <= 0) refuse('The allocation must be a positive whole number of US dollars.');
  if (allocatedUsd > offer.remainingCapacityUsd) refuse(`The offer has only USD ${offer.remainingCapacityUsd} left.`);
  const lacking = fundingGapUsd(need);
  if (allocatedUsd > lacking) refuse(`The need lacks only USD ${lacking}.`);
  if (offer.minGrantUsd !== null && allocatedUsd < offer.minGrantUsd) refuse(`The offer's smallest grant is USD ${offer.minGrantUsd}.`);
  if (offer.maxGrantUsd !== null && allocatedUsd > offer.maxGrantUsd) refuse(`The offer's largest grant is USD ${offer.maxGrantUsd}.`);
}

/** Moves `amountUsd` from the offer to the need (negative to give it back) and recomputes both statuses. */
function moveMoney(offer: Offer, need: Need, amountUsd: number): void {
  offer.remainingCapacityUsd -= amountUsd;
  need.fundedUsd += amountUsd;
  if (CAPACITY_TRACKED_OFFER_STATUSES.includes(offer.status)) offer.status = capacityStatus(offer.remainingCapacityUsd);
  if (FUNDING_TRACKED_NEED_STATUSES.includes(need.status)) need.status = fundingStatus(need);
}

/** Rejecting or declining an approved pairing gives its allocation back to the offer. */
function releaseIfHeld({ match, offer, need }: LockedPairing): Record<string, unknown> {
  if (!holdsMoney(match.status) || !match.allocatedUsd) return {};
  const before = moneySnapshot(offer, need);
  moveMoney(offer, need, -match.allocatedUsd);
  return { releasedUsd: match.allocatedUsd, ...before, ...moneySnapshot(offer, need, 'After') };
}

function moneySnapshot(offer: Offer, need: Need, suffix: 'Before' | 'After' = 'Before'): Record<string, unknown> {
  return {
    [`offerRemainingUsd${suffix}`]: offer.remainingCapacityUsd,
    [`needFundedUsd${suffix}`]: need.fundedUsd,
    [`needStatus${suffix}`]: need.status,
    [`offerStatus${suffix}`]: offer.status,
  };
}
