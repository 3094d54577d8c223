import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../audit/audit.service';
import { Actor } from '../../../access/actor';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../common/errors/domain-errors';
import { Connection, PageArgs, pageWindow, toConnection } from '../../../common/pagination/connection';
import { findManyForUpdate, rowForUpdate } from '../../../database/locking';
import { MatchEventMessage } from '../../../matching/events/match-event';
import { Match } from '../../../matching/entities/match.entity';
import { Need } from '../../../needs/entities/need.entity';
import { coveredUsd, LIVE_NEED_STATUSES } from '../../../needs/need-lifecycle';
import { Offer } from '../../../offers/entities/offer.entity';
import { LIVE_OFFER_STATUSES } from '../../../offers/offer-lifecycle';
import { OutboxWriter } from '../../../queue/outbox/outbox-writer';
import { ProposeAllocationInput } from './dto/propose-allocation.input';
import { inDecisionTransaction } from '../../decisions/decision-transaction';
import { AllocationPlan, AllocationPlanBasis, AllocationPlanStatus, PlannedAllocationRecord } from './allocation-plan.entity';
import { UNDECIDED_STATUSES } from '../../decisions/pairing-transitions';
import { LockedPairing, PairingsService } from '../../decisions/pairings.service';
import { PROPOSE_ALLOCATION_JOB, ProposeAllocationJobData } from './propose-allocation.job';

const DEFAULT_TIME_LIMIT_SECONDS = 30;

/**
 * Optimal allocation for the Secretariat: a plan is requested (stored QUEUED, with its
 * `propose-allocation` job in the outbox of the same transaction), solved by the job queue
 * (AllocationPlanSolver), reviewed, and applied in one transaction that approves all of its
 * pairings or none. A plan remembers what it relied on, so applying it after anything moved is
 * refused with CONFLICT.
 */
@Injectable()
export class AllocationPlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pairings: PairingsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxWriter,
  ) {}

  async propose(actor: Actor, input: ProposeAllocationInput): Promise<AllocationPlan> {
    const plan = await this.dataSource.transaction(async (manager) => {
      const plan = manager.create(AllocationPlan, {
        status: AllocationPlanStatus.QUEUED,
        options: {
          minRegionShare: input.minRegionShare ?? null,
          maxCountryShare: input.maxCountryShare ?? null,
          maxCountryUsd: input.maxCountryUsd ?? null,
          timeLimitSeconds: input.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
        },
        solveStatus: null,
        objective: null,
        greedyObjective: null,
        upperBound: null,
        solveMillis: null,
        candidateCount: null,
        allocations: null,
        basis: null,
        message: null,
        createdBy: actor.userId,
        finishedAt: null,
        appliedAt: null,
      });
      await manager.save(plan);
      await this.audit.record(manager, actor, {
        action: 'allocation_plan.propose',
        entityType: 'AllocationPlan',
        entityId: plan.id,
        detail: { options: plan.options },
      });
      await this.outbox.add(manager, PROPOSE_ALLOCATION_JOB, { planId: plan.id } satisfies ProposeAllocationJobData);
      return plan;
    });
    return plan;
  }

  async find(id: string): Promise<AllocationPlan> {
    const plan = await this.dataSource.getRepository(AllocationPlan).findOneBy({ id });
    if (!plan) throw new NotFoundError('AllocationPlan', id);
    return plan;
  }

  /** Newest first; the id settles plans requested in the same instant, so cursors never repeat or skip one. */
  async list(page: PageArgs): Promise<Connection<AllocationPlan>> {
    const { skip, take } = pageWindow(page);
    const [items, total] = await this.dataSource
      .getRepository(AllocationPlan)
      .findAndCount({ order: { createdAt: 'DESC', id: 'DESC' }, skip, take });
    return toConnection(items, total, skip);
  }

  async apply(actor: Actor, id: string): Promise<AllocationPlan> {
    const { plan, announcements } = await inDecisionTransaction(this.dataSource, async (manager) => {
      const announcements: MatchEventMessage[] = [];
      const plan = await rowForUpdate(manager, AllocationPlan, id);
      if (!plan) throw new NotFoundError('AllocationPlan', id);
      if (plan.status !== AllocationPlanStatus.READY)
        throw new ConflictError(`Only a READY plan can be applied; this one is ${plan.status}.`);
      const allocations = plan.allocations ?? [];
      const basis = plan.basis ?? { offers: {}, needs: {} };
      // Offers, then needs, then matches, each in id order: the order single decisions lock in.
      const offers = await findManyForUpdate(manager, Offer, Object.keys(basis.offers));
      const needs = await findManyForUpdate(manager, Need, Object.keys(basis.needs));
      const matches = await findManyForUpdate(
        manager,
        Match,
        allocations.map((allocation) => allocation.matchId),
      );
      assertBasisHolds(plan, allocations, basis, offers, needs, matches);
      const lockedPairings: LockedPairing[] = [];
      for (const allocation of allocations) {
        const locked = {
          match: matches.get(allocation.matchId)!,
          offer: offers.get(allocation.offerId)!,
          need: needs.get(allocation.needId)!,
        };
        announcements.push(await this.approvePlanned(manager, actor, plan, locked, allocation.allocatedUsd));
        lockedPairings.push(locked);
      }
      for (const locked of lockedPairings) announcements.push(...(await this.pairings.supersedeUndecided(manager, actor, locked)));
      plan.status = AllocationPlanStatus.APPLIED;
      plan.appliedAt = new Date();
      await manager.save(plan);
      await this.audit.record(manager, actor, {
        action: 'allocation_plan.apply',
        entityType: 'AllocationPlan',
        entityId: plan.id,
        detail: { pairings: allocations.length, allocatedUsd: totalOf(allocations), objective: plan.objective },
      });
      return { plan, announcements };
    });
    await this.pairings.announce(announcements);
    return plan;
  }

  /**
   * One planned approval. The plan's basis holds what the optimiser read (capacity left, money
   * covered); an allocation the pairing refuses for anything else changed since (a lower budget, a
   * smaller largest grant) means the plan no longer holds, not that the caller sent a bad amount.
   */
  private async approvePlanned(
    manager: EntityManager,
    actor: Actor,
    plan: AllocationPlan,
    locked: LockedPairing,
    allocatedUsd: number,
  ): Promise<MatchEventMessage> {
    try {
      return await this.pairings.approveLocked(manager, actor, locked, allocatedUsd, { planId: plan.id });
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      throw new ConflictError(
        `Plan ${plan.id} no longer fits match ${locked.match.id} (USD ${allocatedUsd}): ${error.message} Propose a new plan.`,
      );
    }
  }
}

/** Refuses the plan if any offer, need or match it relied on has moved since it was solved. */
function assertBasisHolds(
  plan: AllocationPlan,
  allocations: PlannedAllocationRecord[],
  basis: AllocationPlanBasis,
  offers: Map<string, Offer>,
  needs: Map<string, Need>,
  matches: Map<string, Match>,
): void {
  const changed: string[] = [];
  for (const [id, remainingUsd] of Object.entries(basis.offers)) {
    const offer = offers.get(id);
    if (!offer || offer.remainingCapacityUsd !== remainingUsd || !LIVE_OFFER_STATUSES.includes(offer.status)) changed.push(`offer ${id}`);
  }
  for (const [id, covered] of Object.entries(basis.needs)) {
    const need = needs.get(id);
    if (!need || coveredUsd(need) !== covered || !LIVE_NEED_STATUSES.includes(need.status)) changed.push(`need ${id}`);
  }
  for (const allocation of allocations) {
    const match = matches.get(allocation.matchId);
    if (!match || match.version !== allocation.matchVersion || !UNDECIDED_STATUSES.includes(match.status))
      changed.push(`match ${allocation.matchId}`);
  }
  if (changed.length) {
    throw new ConflictError(
      `Plan ${plan.id} relies on records that changed since it was made (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', …' : ''}); propose a new plan.`,
    );
  }
}

export function totalOf(allocations: readonly Pick<PlannedAllocationRecord, 'allocatedUsd'>[]): number {
  return allocations.reduce((sum, allocation) => sum + allocation.allocatedUsd, 0);
}
