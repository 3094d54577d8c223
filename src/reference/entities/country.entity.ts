import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum UnStatus {
  MEMBER = 'MEMBER',
  OBSERVER = 'OBSERVER',
}
registerEnumType(UnStatus, { name: 'UnStatus', description: 'Standing at the United Nations.' });

@ObjectType({ description: 'A UN member or observer state.' })
@Entity('countries')
export class Country {
  @Field({ description: 'ISO 3166-1 alpha-3 code, e.g. "NGA".' })
  @PrimaryColumn({ type: 'varchar', length: 3 })
  iso3: string;

  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. "NG".' })
  @Column({ type: 'varchar', length: 2 })
  iso2: string;

  @Field({ description: 'UN M49 numeric code.' })
  @Column({ type: 'varchar', length: 3 })
  m49: string;

  @Field({ description: 'English short name.' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field({ description: 'Chinese short name.' })
  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh: string;

  @Field(() => UnStatus, { description: 'Member state or observer state.' })
  @Column({ name: 'un_status', type: 'varchar', length: 12 })
  unStatus: UnStatus;

  @Column({ name: 'region_code', type: 'varchar', length: 3 })
  regionCode: string;

  @Column({ name: 'sub_region_code', type: 'varchar', length: 3 })
  subRegionCode: string;

  @Column({ name: 'intermediate_region_code', type: 'varchar', length: 3, nullable: true })
  intermediateRegionCode: string | null;
}
