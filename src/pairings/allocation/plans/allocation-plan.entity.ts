import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../../../common/entity-id';

export enum AllocationPlanStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  READY = 'READY',
  FAILED = 'FAILED',
  APPLIED = 'APPLIED',
}
registerEnumType(AllocationPlanStatus, {
  name: 'AllocationPlanStatus',
  description: 'QUEUED → RUNNING → READY (a plan to review) → APPLIED (its pairings approved); or FAILED.',
});

export enum AllocationSolveStatus {
  OPTIMAL = 'OPTIMAL',
  INFEASIBLE = 'INFEASIBLE',
  TIME_LIMIT = 'TIME_LIMIT',
  SOLVER_ERROR = 'SOLVER_ERROR',
}
registerEnumType(AllocationSolveStatus, {
  name: 'AllocationSolveStatus',
  description:
    'OPTIMAL: proven best; INFEASIBLE: the geographic constraints allow no allocation; TIME_LIMIT: best found in the time allowed; SOLVER_ERROR: the greedy allocation stands in.',
});

@ObjectType({ description: 'Geographic balance and limits the plan was asked to respect.' })
export class AllocationPlanOptions {
  @Field(() => Float, { nullable: true, description: 'Share of the allocated total every region with candidate needs receives at least.' })
  minRegionShare?: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest share of the allocated total one country may receive.' })
  maxCountryShare?: number | null;

  @Field(() => Int, { nullable: true, description: 'Largest amount one country may receive, in US dollars.' })
  maxCountryUsd?: number | null;

  @Field(() => Float, { nullable: true, description: 'Solver time budget in seconds.' })
  timeLimitSeconds?: number | null;
}

/** One planned grant, with what it relied on when the plan was made. */
export interface PlannedAllocationRecord {
  matchId: string;
  needId: string;
  offerId: string;
  allocatedUsd: number;
  score: number;
  /** The match's version when planned; applying refuses if it moved. */
  matchVersion: number;
}

/** What the offers and needs of a plan looked like when it was made; applying refuses if any moved. */
export interface AllocationPlanBasis {
  /** Each offer's remaining capacity. */
  offers: Record<string, number>;
  /** Each need's covered amount (coveredUsd: approved pairings and funding from elsewhere). */
  needs: Record<string, number>;
}

/**
 * The Secretariat's request for the best allocation of every open offer's capacity across the
 * stored candidate matches, and its result once solved.
 */
@ObjectType({ description: 'A proposed allocation of offers to needs, solved as a linear programme over the stored candidate matches.' })
@Entity('allocation_plans')
@Index(['createdAt'])
export class AllocationPlan {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Field(() => AllocationPlanStatus, { description: 'Where the plan stands.' })
  @Column({ type: 'varchar', length: 12 })
  status: AllocationPlanStatus;

  @Field(() => AllocationPlanOptions, { description: 'What the plan was asked to respect.' })
  @Column({ type: 'simple-json' })
  options: AllocationPlanOptions;

  @Field(() => AllocationSolveStatus, { nullable: true, description: 'What the solver reported, once solved.' })
  @Column({ name: 'solve_status', type: 'varchar', length: 16, nullable: true })
  solveStatus: AllocationSolveStatus | null;

  @Field(() => Float, { nullable: true, description: 'Σ score × allocated USD of the plan.' })
  @Column({ type: 'float', nullable: true })
  objective: number | null;

  @Field(() => Float, { nullable: true, description: 'What a greedy highest-score-first allocation reaches under the same constraints.' })
  @Column({ name: 'greedy_objective', type: 'float', nullable: true })
  greedyObjective: number | null;

  @Field(() => Float, { nullable: true, description: 'Proven upper bound on any allocation’s objective, when the solver gives one.' })
  @Column({ name: 'upper_bound', type: 'float', nullable: true })
  upperBound: number | null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds spent in the solver.' })
  @Column({ name: 'solve_millis', type: 'integer', nullable: true })
  solveMillis: number | null;

  @Field(() => Int, { nullable: true, description: 'Candidate matches the plan chose from.' })
  @Column({ name: 'candidate_count', type: 'integer', nullable: true })
  candidateCount: number | null;

  @Column({ type: 'simple-json', nullable: true })
  allocations: PlannedAllocationRecord[] | null;

  @Column({ type: 'simple-json', nullable: true })
  basis: AllocationPlanBasis | null;

  @Field(() => String, { nullable: true, description: 'What the solver or a failure had to say.' })
  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Field({ description: 'When the plan was requested.' })
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When solving ended.' })
  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its pairings were approved.' })
  @Column({ name: 'applied_at', type: Date, nullable: true })
  appliedAt: Date | null;
}
