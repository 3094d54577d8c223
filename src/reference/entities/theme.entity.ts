import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'A PoA/ITI implementation area: a group (no parent) or a theme within a group.' })
@Entity('themes')
export class Theme {
  @Field({ description: 'Stable code, e.g. "STOCKPILE_MANAGEMENT"; group codes such as "WEAPONS_AMMUNITION_MANAGEMENT" have no parent.' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Field(() => String, { nullable: true, description: 'Code of the group this theme belongs to; null for a group.' })
  @Column({ name: 'parent_code', type: 'varchar', length: 40, nullable: true })
  parentCode: string | null;

  @Field({ description: 'English label.' })
  @Column({ type: 'varchar', length: 120 })
  label: string;

  @Field({ description: 'Chinese label.' })
  @Column({ name: 'label_zh', type: 'varchar', length: 120 })
  labelZh: string;

  /** Labels in every UN language we have, keyed by ISO 639-1 code. */
  @Column({ type: 'simple-json' })
  labels: Record<string, string>;

  @Column({ type: 'integer' })
  position: number;
}
