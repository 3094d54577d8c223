import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../../common/entity-id';
import { CalendarDate } from '../../common/graphql/calendar-date.scalar';

@ObjectType({ description: 'One measurable indicator of a running project, e.g. "armouries secured": 8 of 12.' })
export class ProgressIndicator {
  @Field({ description: 'What is measured.' })
  name: string;

  @Field(() => Float, { description: 'Value reached by the end of the period.' })
  value: number;

  @Field(() => Float, { nullable: true, description: 'Value the project aims for.' })
  target?: number | null;
}

/** A party's periodic account of a running pairing (000 para 95); append-only. */
@ObjectType({ description: 'A progress update on a confirmed pairing: narrative, indicators and money disbursed.' })
@Entity('progress_reports')
@Index(['matchId', 'createdAt'])
export class ProgressReport {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  /** The pairing reported on; exposed through `match`. */
  @Column({ name: 'match_id', type: 'varchar', length: 36 })
  matchId: string;

  /** The user who filed the report. */
  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId: string;

  @Field(() => CalendarDate, { description: 'Last day of the period the report covers.' })
  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Field({ description: 'What was done, what changed, what is late and why.' })
  @Column({ type: 'text' })
  narrative: string;

  @Field(() => Int, { description: 'US dollars disbursed during the period.' })
  @Column({ name: 'disbursed_usd', type: 'integer' })
  disbursedUsd: number;

  @Field(() => [ProgressIndicator], { nullable: true, description: 'Measured indicators, if the project tracks any.' })
  @Column({ type: 'simple-json', nullable: true })
  indicators: ProgressIndicator[] | null;

  @Field({ description: 'The report declares the project completed.' })
  @Column({ type: 'boolean', default: false })
  completed: boolean;

  @Field({ description: 'When the report was filed.' })
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
