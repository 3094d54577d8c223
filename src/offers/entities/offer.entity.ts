import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { newId } from '../../common/entity-id';
import { OfferStatus } from '../../domain/statuses';
import { CalendarDate } from '../../common/graphql/calendar-date.scalar';
import { AssistanceType, Modality } from '../../domain/enums';
import { OfferTheme } from './offer-theme.entity';
import { OfferEligibility } from './offer-eligibility.entity';

@ObjectType({ description: 'Money, expertise, equipment, training or technology a donor offers to states.' })
@Entity('offers')
@Index(['donorId', 'status'])
@Index(['status', 'createdAt'])
export class Offer {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  /** The offering organisation; exposed through `donor`. */
  @Column({ name: 'donor_id', type: 'varchar', length: 36 })
  donorId: string;

  @Field({ description: 'Short title.' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field({ description: 'What is offered and on what terms.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => OfferStatus, { description: 'Where the offer is in its lifecycle.' })
  @Column({ type: 'varchar', length: 16 })
  status: OfferStatus;

  @Field(() => [AssistanceType], { description: 'Kinds of assistance offered.' })
  @Column({ name: 'assistance_types', type: 'simple-array' })
  assistanceTypes: AssistanceType[];

  @Field({ description: 'Open to every country.' })
  @Column({ type: 'boolean', default: false })
  global: boolean;

  @Field(() => Int, { description: 'Total capacity in whole US dollars (the value of in-kind support for in-kind offers).' })
  @Column({ name: 'capacity_usd', type: 'integer' })
  capacityUsd: number;

  @Field(() => Int, { description: 'Capacity not yet allocated by approved pairings.' })
  @Column({ name: 'remaining_capacity_usd', type: 'integer' })
  remainingCapacityUsd: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Amount of in-kind support, in `inKindUnit`, for offers of expertise, places or equipment.',
  })
  @Column({ name: 'in_kind_quantity', type: 'integer', nullable: true })
  inKindQuantity: number | null;

  @Field(() => String, { nullable: true, description: 'Unit of the in-kind support, e.g. "expert-days" or "trainee places".' })
  @Column({ name: 'in_kind_unit', type: 'varchar', length: 60, nullable: true })
  inKindUnit: string | null;

  @Field(() => Int, { nullable: true, description: 'Smallest single grant in US dollars.' })
  @Column({ name: 'min_grant_usd', type: 'integer', nullable: true })
  minGrantUsd: number | null;

  @Field(() => Int, { nullable: true, description: 'Largest single grant in US dollars.' })
  @Column({ name: 'max_grant_usd', type: 'integer', nullable: true })
  maxGrantUsd: number | null;

  @Field(() => CalendarDate, { nullable: true, description: 'First day the offer can fund work.' })
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Field(() => CalendarDate, { nullable: true, description: 'Last day the offer can fund work.' })
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Field(() => Modality, { nullable: true, description: 'Cooperation modality.' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  modality: Modality | null;

  @Field({ description: 'Only needs with a gender component qualify.' })
  @Column({ name: 'requires_gender_component', type: 'boolean', default: false })
  requiresGenderComponent: boolean;

  @Field(() => String, { nullable: true, description: 'Other conditions, in words.' })
  @Column({ type: 'text', nullable: true })
  conditions: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Field({ description: 'When the offer was created.' })
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @Field({ description: 'When the offer last changed.' })
  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Increases with every change; guards against lost updates.' })
  @VersionColumn()
  version: number;

  @OneToMany(() => OfferTheme, (theme) => theme.offer, { cascade: true })
  themeLinks: OfferTheme[];

  @OneToMany(() => OfferEligibility, (area) => area.offer, { cascade: true })
  eligibility: OfferEligibility[];

  get themeCodes(): string[] {
    return (this.themeLinks ?? []).map((link) => link.themeCode);
  }

  get eligibleCountryIso3s(): string[] {
    return (this.eligibility ?? []).filter((area) => area.isCountry).map((area) => area.areaCode);
  }

  get eligibleRegionCodes(): string[] {
    return (this.eligibility ?? []).filter((area) => !area.isCountry).map((area) => area.areaCode);
  }
}
