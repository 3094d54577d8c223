import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalizedText } from './localized-text';

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

  @Field(() => LocalizedText, {
    description: "The label in each of the six UN languages, for clients that show themes in the reader's language.",
  })
  @Column({ type: 'simple-json' })
  labels: LocalizedText;

  @Column({ type: 'integer' })
  position: number;
}
