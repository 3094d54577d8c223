import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'A label in each of the six UN languages, keyed by ISO 639-1 code.' })
export class ThemeLabels {
  @Field({ description: 'English.' })
  en: string;

  @Field({ description: 'French.' })
  fr: string;

  @Field({ description: 'Spanish.' })
  es: string;

  @Field({ description: 'Russian.' })
  ru: string;

  @Field({ description: 'Chinese.' })
  zh: string;

  @Field({ description: 'Arabic.' })
  ar: string;
}

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

  @Field(() => ThemeLabels, {
    description: "The label in each of the six UN languages, for clients that show themes in the reader's language.",
  })
  @Column({ type: 'simple-json' })
  labels: ThemeLabels;

  @Column({ type: 'integer' })
  position: number;
}
