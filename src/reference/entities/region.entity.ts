import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

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

  @Field(() => RegionLevel, { description: 'Level in the geoscheme.' })
  @Column({ type: 'varchar', length: 24 })
  level: RegionLevel;

  @Field(() => String, { nullable: true, description: 'Code of the enclosing area ("001" is the world).' })
  @Column({ name: 'parent_code', type: 'varchar', length: 3, nullable: true })
  parentCode: string | null;
}
