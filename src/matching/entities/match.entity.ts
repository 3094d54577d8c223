import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import { newId } from '../../common/entity-id';
import { MatchStatus } from '../../domain/statuses';

@ObjectType({ description: 'How each factor contributed to a match score; every factor is in [0, 1].' })
export class ScoreBreakdown {
  @Field(() => Float, { description: 'Share of the need’s themes the offer covers (exact themes above group cover).' })
  theme: number;

  @Field(() => Float, { description: 'How precisely the offer targets the need’s country (country > sub-region > region > global).' })
  region: number;

  @Field(() => Float, { description: 'Share of the still-unfunded need the offer can carry.' })
  capacity: number;

  @Field(() => Float, { description: 'Need drawn from a national report or national action plan.' })
  ownership: number;

  @Field(() => Float, { description: 'Need has a gender component.' })
  gender: number;

  @Field(() => Float, { description: 'A baseline assessment has been done.' })
  baseline: number;

  @Field(() => Float, { description: 'Multi-year project.' })
  multiYear: number;

  @Field(() => Float, { description: 'Conflict-affected context.' })
  conflict: number;
}

/**
 * A scored (need, offer) pair and, once people act on it, a pairing. Exactly one row per pair: the
 * matching worker upserts PROPOSED rows and never touches rows a person has acted on.
 */
@ObjectType({ description: 'A scored (need, offer) pair, and the pairing decisions taken on it.' })
@Entity('matches')
@Unique('UQ_matches_need_offer', ['needId', 'offerId'])
@Index(['offerId', 'status'])
// Led by score: every list of matches is read best first, and the Secretariat's, unfiltered or by
// minimum score, is then a walk down this index; a filter by status reads the status from it too.
@Index('IDX_matches_score_status', ['score', 'status'])
export class Match {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column({ name: 'need_id', type: 'varchar', length: 36 })
  needId: string;

  @Column({ name: 'offer_id', type: 'varchar', length: 36 })
  offerId: string;

  @Field(() => Float, { description: 'Weighted score in [0, 1]; higher is a better fit.' })
  @Column({ type: 'float' })
  score: number;

  @Field(() => ScoreBreakdown, { description: 'The factors behind the score.' })
  @Column({ type: 'simple-json' })
  breakdown: ScoreBreakdown;

  @Field({ description: 'One line a person can read, e.g. "covers 2 of 3 themes (…); eligible as Western Africa; can fund 80% of …".' })
  @Column({ type: 'text' })
  explanation: string;

  @Field(() => MatchStatus, { description: 'Where the pairing stands.' })
  @Column({ type: 'varchar', length: 20 })
  status: MatchStatus;

  @Field(() => Int, { description: 'Increases with every decision; approve and reject take it as expectedVersion.' })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Field(() => Int, { nullable: true, description: 'US dollars the Secretariat allocated from the offer to the need.' })
  @Column({ name: 'allocated_usd', type: 'integer', nullable: true })
  allocatedUsd: number | null;

  /** The full matching run that last scored this pair, if any. */
  @Column({ name: 'run_id', type: 'varchar', length: 36, nullable: true })
  runId: string | null;

  @Field({ description: 'When the pair was first proposed.' })
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @Field({ description: 'When the pair was last scored or decided.' })
  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
