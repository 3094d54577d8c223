import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { newId } from '../../common/entity-id';

export enum DonorKind {
  STATE = 'STATE',
  INTERNATIONAL_ORGANIZATION = 'INTERNATIONAL_ORGANIZATION',
  REGIONAL_ORGANIZATION = 'REGIONAL_ORGANIZATION',
  UN_ENTITY = 'UN_ENTITY',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  PRIVATE_SECTOR = 'PRIVATE_SECTOR',
}
registerEnumType(DonorKind, { name: 'DonorKind', description: 'What kind of organisation a donor is.' });

@ObjectType({
  description: 'An organisation that offers assistance: a government, an international, regional or UN body, civil society or industry.',
})
@Entity('donors')
export class Donor {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Field({ description: 'Name of the organisation, unique.' })
  @Column({ type: 'varchar', length: 200, unique: true })
  name: string;

  @Field(() => DonorKind, { description: 'Kind of organisation.' })
  @Column({ type: 'varchar', length: 32 })
  kind: DonorKind;

  /** The donor's own country, for donor governments; exposed through `country`. */
  @Column({ name: 'country_iso3', type: 'varchar', length: 3, nullable: true })
  countryIso3: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The organisation\'s IATI organisation identifier (e.g. "GB-GOV-1", "XM-DAC-41114"), which starts the identifiers of its IATI activities; set by the Secretariat.',
  })
  @Column({ name: 'iati_org_ref', type: 'varchar', length: 100, nullable: true })
  iatiOrganisationRef: string | null;

  @Field({ description: 'When the donor was registered.' })
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
