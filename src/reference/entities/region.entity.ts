import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalizedText } from './localized-text';

export enum RegionLevel {
  REGION = 'REGION',
  SUB_REGION = 'SUB_REGION',
  INTERMEDIATE_REGION = 'INTERMEDIATE_REGION',
}
registerEnumType(RegionLevel, { name: 'RegionLevel', description: 'Level of an area in the UN M49 geoscheme.' });

@ObjectType({ description: 'A region, sub-region or intermediate region of the UN M49 geoscheme.' })
@Entity('regions')
export class Region {
  @Field({ description: 'M49 numeric code, three digits, e.g. "002" (Africa) or "011" (Western Africa).' })
  @PrimaryColumn({ type: 'varchar', length: 3 })
  code: string;

  @Field({ description: 'English name.' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field({ description: 'Chinese name.' })
  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh: string;

  /** Served from the reference data in memory, not stored: SQL needs only the code. */
  @Field(() => LocalizedText, {
    description: "The name in each of the six UN languages, as the UN writes it, for clients that show areas in the reader's language.",
  })
  names: LocalizedText;

  @Field(() => RegionLevel, { description: 'Level in the geoscheme.' })
  @Column({ type: 'varchar', length: 24 })
  level: RegionLevel;

  @Field(() => String, { nullable: true, description: 'Code of the enclosing area ("001" is the world).' })
  @Column({ name: 'parent_code', type: 'varchar', length: 3, nullable: true })
  parentCode: string | null;
}
