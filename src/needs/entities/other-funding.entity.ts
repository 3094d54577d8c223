import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../../common/entity-id';
import { CalendarDate } from '../../common/graphql/calendar-date.scalar';

/**
 * Money a need receives from outside poa-match (000 para 94: no duplication with other sources);
 * append-only. Their sum is the need's fundedElsewhereUsd, kept apart from what pairings fund.
 */
@ObjectType({ description: 'Part of a need funded by another source, as the state or the Secretariat recorded it.' })
@Entity('need_other_funding')
@Index(['needId', 'recordedAt'])
export class OtherFunding {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  /** The need funded. */
  @Column({ name: 'need_id', type: 'varchar', length: 36 })
  needId: string;

  @Field({ description: 'Who funds it: a government, an organisation, a fund.' })
  @Column({ name: 'funder_name', type: 'varchar', length: 200 })
  funderName: string;

  @Field(() => Int, { description: 'US dollars funded, a whole number.' })
  @Column({ name: 'amount_usd', type: 'integer' })
  amountUsd: number;

  @Field(() => CalendarDate, { description: 'When the funding was granted.' })
  @Column({ name: 'funded_on', type: 'date' })
  fundedOn: string;

  @Field(() => String, { nullable: true, description: 'Anything worth knowing, e.g. the funder’s project reference.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The user who recorded it. */
  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy: string;

  @Field({ description: 'When it was recorded.' })
  @CreateDateColumn({ name: 'recorded_at' })
  recordedAt: Date;
}
