import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { newId } from '../../common/entity-id';
import { NeedStatus } from '../../domain/statuses';
import { CalendarDate } from '../../common/graphql/calendar-date.scalar';
import { AssistanceType, Visibility } from '../../domain/enums';
import { NeedTheme } from './need-theme.entity';

@ObjectType({ description: 'Assistance a state needs to implement the PoA or the ITI, usually drawn from its national report.' })
@Entity('needs')
@Index(['countryIso3', 'status'])
@Index(['status', 'createdAt'])
@Index(['status', 'validUntil'])
export class Need {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  /** The requesting state; exposed through `country`. */
  @Column({ name: 'country_iso3', type: 'varchar', length: 3 })
  countryIso3: string;

  @Field({ description: 'Short title.' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field({ description: 'What is needed, why, and what it should achieve.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => NeedStatus, { description: 'Where the need is in its lifecycle.' })
  @Column({ type: 'varchar', length: 16 })
  status: NeedStatus;

  @Field(() => Visibility, { description: 'Who may see the need besides its state and the Secretariat.' })
  @Column({ type: 'varchar', length: 16 })
  visibility: Visibility;

  @Field(() => Int, { description: 'Priority from 1 (highest) to 5.' })
  @Column({ type: 'integer' })
  priority: number;

  @Field(() => [AssistanceType], { description: 'Kinds of assistance that would help.' })
  @Column({ name: 'assistance_types', type: 'simple-array' })
  assistanceTypes: AssistanceType[];

  @Field(() => Int, { description: 'Estimated budget in whole US dollars.' })
  @Column({ name: 'estimated_budget_usd', type: 'integer' })
  estimatedBudgetUsd: number;

  @Field(() => Int, { description: 'US dollars allocated by approved pairings so far.' })
  @Column({ name: 'funded_usd', type: 'integer', default: 0 })
  fundedUsd: number;

  @Field(() => Int, {
    description:
      'US dollars funded from other sources, as the state or the Secretariat recorded them (otherFunding); not part of fundedUsd.',
  })
  @Column({ name: 'funded_elsewhere_usd', type: 'integer', default: 0 })
  fundedElsewhereUsd: number;

  @Field(() => CalendarDate, { nullable: true, description: 'When the work should start.' })
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Field(() => CalendarDate, { nullable: true, description: 'When the work should end.' })
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Field({ description: 'Part of a national action plan or regional roadmap.' })
  @Column({ name: 'national_action_plan', type: 'boolean', default: false })
  nationalActionPlan: boolean;

  @Field({ description: 'A weapons and ammunition management baseline assessment has been done.' })
  @Column({ name: 'baseline_assessment', type: 'boolean', default: false })
  baselineAssessment: boolean;

  @Field({ description: 'The project has a gender component.' })
  @Column({ name: 'gender_component', type: 'boolean', default: false })
  genderComponent: boolean;

  @Field({ description: 'The project runs over several years.' })
  @Column({ name: 'multi_year', type: 'boolean', default: false })
  multiYear: boolean;

  @Field({ description: 'The country or area is affected by conflict or high armed violence.' })
  @Column({ name: 'conflict_affected', type: 'boolean', default: false })
  conflictAffected: boolean;

  /** The national report the need was drawn from; exposed through `nationalReport`. */
  @Column({ name: 'national_report_id', type: 'varchar', length: 36, nullable: true })
  nationalReportId: string | null;

  @Field(() => String, { nullable: true, description: 'The passage of the national report the need was drawn from.' })
  @Column({ name: 'source_excerpt', type: 'text', nullable: true })
  sourceExcerpt: string | null;

  /**
   * The year of the meeting whose reporting cycle the need was filed in (domain/reporting-cycles.ts);
   * exposed through `cycle`. A need drawn from a national report belongs to the report's cycle.
   */
  @Column({ name: 'cycle_year', type: 'integer' })
  cycleYear: number;

  @Field(() => CalendarDate, {
    description:
      'The last day the need is valid unless reconfirmed: the end of the reporting cycle after the one it was filed or last reconfirmed in. A published need not reconfirmed by then becomes STALE.',
  })
  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  @Field(() => Date, { nullable: true, description: 'When the need was last published or reconfirmed; null for a draft.' })
  @Column({ name: 'confirmed_at', type: Date, nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Field({ description: 'When the need was created.' })
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @Field({ description: 'When the need last changed.' })
  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Increases with every change; guards against lost updates.' })
  @VersionColumn()
  version: number;

  @OneToMany(() => NeedTheme, (theme) => theme.need, { cascade: true })
  themeLinks: NeedTheme[];

  get themeCodes(): string[] {
    return (this.themeLinks ?? []).map((link) => link.themeCode);
  }
}
