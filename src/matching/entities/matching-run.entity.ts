import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../../common/entity-id';

export enum MatchingRunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(MatchingRunStatus, {
  name: 'MatchingRunStatus',
  description: 'QUEUED → RUNNING → SUCCEEDED or FAILED. A run interrupted by a worker crash is picked up again and finishes.',
});

@ObjectType({ description: 'The weight of each scoring factor in a run; only their ratios matter.' })
export class MatchingWeights {
  @Field(() => Float, { description: 'Theme fit.' })
  theme: number;

  @Field(() => Float, { description: 'Region fit.' })
  region: number;

  @Field(() => Float, { description: 'Capacity fit.' })
  capacity: number;

  @Field(() => Float, { description: 'National ownership (national report or action plan).' })
  ownership: number;

  @Field(() => Float, { description: 'Gender component, for offers that ask for one.' })
  gender: number;

  @Field(() => Float, { description: 'Baseline assessment done.' })
  baseline: number;

  @Field(() => Float, { description: 'Multi-year project.' })
  multiYear: number;

  @Field(() => Float, { description: 'Conflict-affected context.' })
  conflict: number;
}

/** A full matching run the Secretariat started: every live need against every open offer. */
@ObjectType({ description: 'A full matching run: who started it, with which weights, how it went.' })
@Entity('matching_runs')
@Index(['status', 'finishedAt'])
export class MatchingRun {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  /** The user who started the run; exposed through `startedBy`. */
  @Column({ name: 'started_by', type: 'varchar', length: 36, nullable: true })
  startedById: string | null;

  @Field(() => MatchingWeights, { description: 'The weights the run scored with (defaults filled in).' })
  @Column({ type: 'simple-json' })
  weights: MatchingWeights;

  @Field(() => MatchingRunStatus, { description: 'Where the run stands.' })
  @Column({ type: 'varchar', length: 16 })
  status: MatchingRunStatus;

  @Field(() => Int, { description: 'Pairs that passed every hard filter and got a score.' })
  @Column({ name: 'pairs_scored', type: 'integer', default: 0 })
  pairsScored: number;

  @Field(() => Int, {
    description: 'Proposals the run stands behind: written, or found already up to date. Pairs a person has acted on are never rewritten.',
  })
  @Column({ name: 'matches_upserted', type: 'integer', default: 0 })
  matchesUpserted: number;

  @Field({ description: 'When the run was requested.' })
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When a worker started it (the last start, if it was retried).' })
  @Column({ name: 'started_at', type: Date, nullable: true })
  startedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it succeeded or failed for good.' })
  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Field(() => Int, { nullable: true, description: 'Wall time of the successful attempt, in milliseconds.' })
  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs: number | null;
}
