import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Actor } from '../../auth/actor';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors';
import { findForUpdate } from '../../database/locking';
import { Match, MatchStatus } from '../../matching/entities/match.entity';
import { Need } from '../../needs/entities/need.entity';
import { LIVE_NEED_STATUSES } from '../../needs/need-lifecycle';
import { Offer } from '../../offers/entities/offer.entity';
import { LIVE_OFFER_STATUSES } from '../../offers/offer-lifecycle';
import { ReferenceService } from '../../reference/reference.service';
import { solveAllocation } from '../allocation/allocation-solver';
import { AllocationProblem } from '../allocation/allocation.types';
import { ProposeAllocationInput } from '../dto/propose-allocation.input';
import { inDecisionTransaction } from '../decision-transaction';
import { AllocationPlan, AllocationPlanBasis, AllocationPlanStatus, AllocationSolveStatus, PlannedAllocationRecord } from '../entities/allocation-plan.entity';
import { MatchEventMessage } from '../events/match-event';
import { UNDECIDED_STATUSES } from '../pairing-transitions';
import { LockedPairing, PairingsService } from '../pairings.service';

const DEFAULT_TIME_LIMIT_SECONDS = 30;
/** Ids per locking statement, far below every driver's parameter limit. */
const IDS_PER_LOCK = 500;

interface CandidateRow {
  matchId: string;
  needId: string;
  offerId: string;
  score: number | string;
  version: number | string;
  budgetUsd: number | string;
  fundedUsd: number | string;
  countryIso3: string;
  remainingUsd: number | string;
  minGrantUsd: number | string | null;
  maxGrantUsd: number | string | null;
}

/**
 * Optimal allocation for the Secretariat: a plan is requested, solved in the background over the
 * stored candidate matches (undecided pairs of live needs and offers) with the HiGHS linear
 * programme in `../allocation`, reviewed, and applied in one transaction that approves all of its
 * pairings or none. A plan remembers what it relied on, so applying it after anything moved is
 * refused with CONFLICT.
 */
@Injectable()
export class AllocationPlansService implements OnApplicationShutdown {
  private readonly logger = new Logger(AllocationPlansService.name);
  private readonly solving = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly pairings: PairingsService,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
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
      await this.audit.record(manager, actor, { action: 'allocation_plan.propose', entityType: 'AllocationPlan', entityId: plan.id, detail: { options: plan.options } });
      return plan;
    });
    const solving = this.solve(plan.id).finally(() => this.solving.delete(solving));
    this.solving.add(solving);
    return plan;
  }

  async find(id: string): Promise<AllocationPlan> {
    const plan = await this.dataSource.getRepository(AllocationPlan).findOneBy({ id });
    if (!plan) throw new NotFoundError('AllocationPlan', id);
    return plan;
  }

  async apply(actor: Actor, id: string): Promise<AllocationPlan> {
    const { plan, announcements } = await inDecisionTransaction(this.dataSource, async (manager) => {
      const announcements: MatchEventMessage[] = [];
      const plan = await findForUpdate(manager, AllocationPlan, { id });
      if (!plan) throw new NotFoundError('AllocationPlan', id);
      if (plan.status !== AllocationPlanStatus.READY) throw new ConflictError(`Only a READY plan can be applied; this one is ${plan.status}.`);
      const allocations = plan.allocations ?? [];
      const basis = plan.basis ?? { offers: {}, needs: {} };
      // Offers, then needs, then matches, each in id order: the order single decisions lock in.
      const offers = await lockAll(manager, Offer, Object.keys(basis.offers));
      const needs = await lockAll(manager, Need, Object.keys(basis.needs));
      const matches = await lockAll(manager, Match, allocations.map((allocation) => allocation.matchId));
      assertBasisHolds(plan, allocations, basis, offers, needs, matches);
      const lockedPairings: LockedPairing[] = [];
      for (const allocation of allocations) {
        const locked = { match: matches.get(allocation.matchId)!, offer: offers.get(allocation.offerId)!, need: needs.get(allocation.needId)! };
        announcements.push(await this.pairings.approveLocked(manager, actor, locked, allocation.allocatedUsd, { planId: plan.id }));
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

  /** Lets a solve in progress finish writing before the database closes. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.solving]);
  }

  /**
   * Runs in the API process, off the request: HiGHS is WebAssembly and holds the event loop while it
   * solves, so the time budget is capped (MAX_SOLVE_SECONDS).
   */
  private async solve(id: string): Promise<void> {
    const plans = this.dataSource.getRepository(AllocationPlan);
    try {
      await plans.update({ id }, { status: AllocationPlanStatus.RUNNING });
      const plan = await plans.findOneByOrFail({ id });
      const { problem, basis, versions } = await this.loadProblem(plan);
      const result = await solveAllocation(problem);
      const scores = new Map(problem.candidates.map((candidate) => [candidate.matchId, candidate.score]));
      const allocations: PlannedAllocationRecord[] = result.allocations.map((allocation) => ({
        ...allocation,
        score: scores.get(allocation.matchId)!,
        matchVersion: versions.get(allocation.matchId)!,
      }));
      await plans.update(
        { id },
        {
          status: AllocationPlanStatus.READY,
          solveStatus: result.status as AllocationSolveStatus,
          objective: result.objective,
          greedyObjective: result.greedyObjective,
          upperBound: result.upperBound,
          solveMillis: Math.round(result.solveMillis),
          candidateCount: problem.candidates.length,
          allocations,
          basis: {
            offers: pick(basis.offers, allocations.map((allocation) => allocation.offerId)),
            needs: pick(basis.needs, allocations.map((allocation) => allocation.needId)),
          },
          message: result.message ?? null,
          finishedAt: new Date(),
        },
      );
    } catch (error) {
      this.logger.error({ err: error, planId: id }, 'Allocation plan failed');
      const message = error instanceof Error ? error.message : String(error);
      await plans.update({ id }, { status: AllocationPlanStatus.FAILED, message, finishedAt: new Date() }).catch(() => undefined);
    }
  }

  /** Undecided matches whose need still lacks money and whose offer still has some, in one query. */
  private async loadProblem(plan: AllocationPlan): Promise<{ problem: AllocationProblem; basis: AllocationPlanBasis; versions: Map<string, number> }> {
    const rows = await this.dataSource
      .getRepository(Match)
      .createQueryBuilder('match')
      .innerJoin(Need, 'need', 'need.id = match.needId')
      .innerJoin(Offer, 'offer', 'offer.id = match.offerId')
      .select('match.id', 'matchId')
      .addSelect('match.needId', 'needId')
      .addSelect('match.offerId', 'offerId')
      .addSelect('match.score', 'score')
      .addSelect('match.version', 'version')
      .addSelect('need.estimatedBudgetUsd', 'budgetUsd')
      .addSelect('need.fundedUsd', 'fundedUsd')
      .addSelect('need.countryIso3', 'countryIso3')
      .addSelect('offer.remainingCapacityUsd', 'remainingUsd')
      .addSelect('offer.minGrantUsd', 'minGrantUsd')
      .addSelect('offer.maxGrantUsd', 'maxGrantUsd')
      .where('match.status IN (:...undecided)', { undecided: UNDECIDED_STATUSES })
      .andWhere('need.status IN (:...liveNeeds)', { liveNeeds: LIVE_NEED_STATUSES })
      .andWhere('offer.status IN (:...liveOffers)', { liveOffers: LIVE_OFFER_STATUSES })
      .andWhere('need.estimatedBudgetUsd > need.fundedUsd')
      .andWhere('offer.remainingCapacityUsd > 0')
      .getRawMany<CandidateRow>();
    const needs = new Map<string, AllocationProblem['needs'][number]>();
    const offers = new Map<string, AllocationProblem['offers'][number]>();
    const basis: AllocationPlanBasis = { offers: {}, needs: {} };
    const versions = new Map<string, number>();
    for (const row of rows) {
      if (!needs.has(row.needId)) {
        const regionCode = this.reference.findCountry(row.countryIso3)?.regionCode ?? 'unknown';
        needs.set(row.needId, { id: row.needId, unfundedUsd: Number(row.budgetUsd) - Number(row.fundedUsd), countryIso3: row.countryIso3, regionCode });
        basis.needs[row.needId] = Number(row.fundedUsd);
      }
      if (!offers.has(row.offerId)) {
        offers.set(row.offerId, {
          id: row.offerId,
          remainingUsd: Number(row.remainingUsd),
          minGrantUsd: row.minGrantUsd === null ? null : Number(row.minGrantUsd),
          maxGrantUsd: row.maxGrantUsd === null ? null : Number(row.maxGrantUsd),
        });
        basis.offers[row.offerId] = Number(row.remainingUsd);
      }
      versions.set(row.matchId, Number(row.version));
    }
    const { minRegionShare, maxCountryShare, maxCountryUsd, timeLimitSeconds } = plan.options;
    const problem: AllocationProblem = {
      needs: [...needs.values()],
      offers: [...offers.values()],
      candidates: rows.map((row) => ({ matchId: row.matchId, needId: row.needId, offerId: row.offerId, score: Number(row.score) })),
      options: {
        ...(minRegionShare != null && { minRegionShare }),
        ...(maxCountryShare != null && { maxCountryShare }),
        ...(maxCountryUsd != null && { maxCountryUsd }),
        ...(timeLimitSeconds != null && { timeLimitSeconds }),
      },
    };
    return { problem, basis, versions };
  }
}

/** Locks rows by id in id order (PostgreSQL row locks; SQLite's single writer already serialises). */
async function lockAll<T extends ObjectLiteral & { id: string }>(manager: EntityManager, entity: EntityTarget<T>, ids: string[]): Promise<Map<string, T>> {
  const sorted = [...new Set(ids)].sort();
  const rows = new Map<string, T>();
  for (let start = 0; start < sorted.length; start += IDS_PER_LOCK) {
    const query = manager
      .getRepository(entity)
      .createQueryBuilder('row')
      .where({ id: In(sorted.slice(start, start + IDS_PER_LOCK)) })
      .orderBy('row.id', 'ASC');
    if (manager.connection.options.type === 'postgres') query.setLock('pessimistic_write');
    for (const row of await query.getMany()) rows.set(row.id, row);
  }
  return rows;
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
  for (const [id, fundedUsd] of Object.entries(basis.needs)) {
    const need = needs.get(id);
    if (!need || need.fundedUsd !== fundedUsd || !LIVE_NEED_STATUSES.includes(need.status)) changed.push(`need ${id}`);
  }
  for (const allocation of allocations) {
    const match = matches.get(allocation.matchId);
    if (!match || match.version !== allocation.matchVersion || !UNDECIDED_STATUSES.includes(match.status as MatchStatus)) changed.push(`match ${allocation.matchId}`);
  }
  if (changed.length) {
    throw new ConflictError(`Plan ${plan.id} relies on records that changed since it was made (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', …' : ''}); propose a new plan.`);
  }
}

function pick(values: Record<string, number>, ids: string[]): Record<string, number> {
  return Object.fromEntries([...new Set(ids)].map((id) => [id, values[id]]));
}

export function totalOf(allocations: readonly Pick<PlannedAllocationRecord, 'allocatedUsd'>[]): number {
  return allocations.reduce((sum, allocation) => sum + allocation.allocatedUsd, 0);
}
