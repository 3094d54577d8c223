import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../common/entity-id';

/** Append-only: rows are inserted in the transaction of the change they describe and never updated. */
@ObjectType({ description: 'One decision or change, kept for accountability: who did what to which record, when and why.' })
@Entity('audit_events')
@Index(['entityId', 'at'])
export class AuditEvent {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  @CreateDateColumn()
  at: Date;

  /** Null when the system acted on its own (bootstrap, matching). */
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Field({ description: 'What was done, e.g. "need.publish" or "match.approve".' })
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Field({ description: 'Kind of record, e.g. "Need".' })
  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType: string;

  @Field(() => ID, { description: 'Id of the record.' })
  @Column({ name: 'entity_id', type: 'varchar', length: 36 })
  entityId: string;

  @Field(() => GraphQLJSON, { description: 'What changed and why: changed fields, amounts, reasons.' })
  @Column({ type: 'simple-json' })
  detail: Record<string, unknown>;
}
