import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { updateRows } from '../../../database/update-rows';
import { Match } from '../../../matching/entities/match.entity';
import { Metrics } from '../../../metrics/metrics';
import { Need } from '../../../needs/entities/need.entity';
import { FUNDING_GAP_SQL, LIVE_NEED_STATUSES } from '../../../needs/need-lifecycle';
import { Offer } from '../../../offers/entities/offer.entity';
import { LIVE_OFFER_STATUSES } from '../../../offers/offer-lifecycle';
import { JobContext } from '../../../queue/job-queue';
import { ReferenceService } from '../../../reference/reference.service';
import { solveAllocationInThread } from '../allocation-solver-thread-client';
import { AllocationProblem } from '../allocation.types';
import {
  AllocationPlan,
  AllocationPlanBasis,
  AllocationPlanStatus,
  AllocationSolveStatus,
  PlannedAllocationRecord,
} from './allocation-plan.entity';
import { UNDECIDED_STATUSES } from '../../decisions/pairing-transitions';

interface CandidateRow {
  matchId: string;
  needId: string;
  offerId: string;
  score: number | string;
  version: number | string;
  gapUsd: number | string;
  coveredUsd: number | string;
  countryIso3: string;
  remainingUsd: number | string;
  minGrantUsd: number | string | null;
  maxGrantUsd: number | string | null;
}

/**
 * Solves a stored plan over the stored candidate matches (undecided pairs of live needs and offers
 * with money on both sides) with the HiGHS linear programme in `../allocation`, and writes the result
 * to the plan. Runs as the `propose-allocation` job: in the worker process with Redis, in the API
 * without. HiGHS is WebAssembly and holds the event loop while it solves, which is why it belongs in
 * the worker; the time budget is capped (MAX_SOLVE_SECONDS) for the API's sake when there is none.
 */
@Injectable()
export class AllocationPlanSolver {
  private readonly logger = new Logger(AllocationPlanSolver.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    private readonly metrics: Metrics,
  ) {}

  /**
   * Idempotent: a plan already solved (or applied) is left alone, so a job handed over twice solves
   * once. A failure is retried by the queue; the last attempt marks the plan FAILED with the reason.
   */
  async solve(id: string, context: JobContext): Promise<void> {
    const claimed = await updateRows(
      this.dataSource,
      AllocationPlan,
      { id, status: In([AllocationPlanStatus.QUEUED, AllocationPlanStatus.RUNNING]) },
      { status: AllocationPlanStatus.RUNNING },
    );
    if (!claimed.affected) return;
    try {
      const plan = await this.dataSource.getRepository(AllocationPlan).findOneByOrFail({ id });
      const { problem, basis, versions } = await this.loadProblem(plan);
      const result = await solveAllocationInThread(problem);
      this.metrics.allocationSolveDuration.observe({ solve_status: result.status }, result.solveMillis / 1000);
      const scores = new Map(problem.candidates.map((candidate) => [candidate.matchId, candidate.score]));
      const allocations: PlannedAllocationRecord[] = result.allocations.map((allocation) => ({
        ...allocation,
        score: scores.get(allocation.matchId)!,
        matchVersion: versions.get(allocation.matchId)!,
      }));
      await updateRows(
        this.dataSource,
        AllocationPlan,
        { id, status: AllocationPlanStatus.RUNNING },
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
            offers: pick(
              basis.offers,
              allocations.map((allocation) => allocation.offerId),
            ),
            needs: pick(
              basis.needs,
              allocations.map((allocation) => allocation.needId),
            ),
          },
          message: result.message ?? null,
          finishedAt: new Date(),
        },
      );
    } catch (error) {
      if (!context.isLastAttempt) throw error;
      this.logger.error({ err: error, planId: id }, 'Allocation plan failed');
      const message = error instanceof Error ? error.message : String(error);
      await updateRows(this.dataSource, AllocationPlan, { id }, { status: AllocationPlanStatus.FAILED, message, finishedAt: new Date() });
    }
  }

  /** Undecided matches whose need still lacks money and whose offer still has some, in one query. */
  private async loadProblem(
    plan: AllocationPlan,
  ): Promise<{ problem: AllocationProblem; basis: AllocationPlanBasis; versions: Map<string, number> }> {
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
      .addSelect(FUNDING_GAP_SQL, 'gapUsd')
      .addSelect('need.funded_usd + need.funded_elsewhere_usd', 'coveredUsd')
      .addSelect('need.countryIso3', 'countryIso3')
      .addSelect('offer.remainingCapacityUsd', 'remainingUsd')
      .addSelect('offer.minGrantUsd', 'minGrantUsd')
      .addSelect('offer.maxGrantUsd', 'maxGrantUsd')
      .where('match.status IN (:...undecided)', { undecided: UNDECIDED_STATUSES })
      .andWhere('need.status IN (:...liveNeeds)', { liveNeeds: LIVE_NEED_STATUSES })
      .andWhere('offer.status IN (:...liveOffers)', { liveOffers: LIVE_OFFER_STATUSES })
      .andWhere(`${FUNDING_GAP_SQL} > 0`)
      .andWhere('offer.remainingCapacityUsd > 0')
      .getRawMany<CandidateRow>();
    const needs = new Map<string, AllocationProblem['needs'][number]>();
    const offers = new Map<string, AllocationProblem['offers'][number]>();
    const basis: AllocationPlanBasis = { offers: {}, needs: {} };
    const versions = new Map<string, number>();
    for (const row of rows) {
      if (!needs.has(row.needId)) {
        const regionCode = this.reference.findCountry(row.countryIso3)?.regionCode ?? 'unknown';
        needs.set(row.needId, {
          id: row.needId,
          unfundedUsd: Number(row.gapUsd),
          countryIso3: row.countryIso3,
          regionCode,
        });
        basis.needs[row.needId] = Number(row.coveredUsd);
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

function pick(values: Record<string, number>, ids: string[]): Record<string, number> {
  return Object.fromEntries([...new Set(ids)].map((id) => [id, values[id]]));
}
