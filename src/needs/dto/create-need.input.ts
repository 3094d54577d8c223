import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { AssistanceType, Visibility } from '../../domain/enums';
import { IsChoosableValidUntil } from '../../domain/reporting-cycles';
import { CalendarDate } from '../../common/graphql/calendar-date.scalar';
import { MAX_AMOUNT_USD } from '../../common/money';
import { IsOmittable, Trimmed } from '../../common/validation';

@InputType({ description: 'A new need. STATE users file for their own country; SECRETARIAT and ADMIN name the country.' })
export class CreateNeedInput {
  @Field({ description: 'Short title (3–200 characters).' })
  @Trimmed()
  @IsString()
  @Length(3, 200)
  title: string;

  @Field({ description: 'What is needed, why, and what it should achieve (up to 20,000 characters).' })
  @Trimmed()
  @IsString()
  @Length(10, 20000)
  description: string;

  @Field(() => [String], { description: 'Theme codes from the themes query (themes, not groups).' })
  @ArrayNotEmpty()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  themeCodes: string[];

  @Field(() => [AssistanceType], { description: 'Kinds of assistance that would help.' })
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsEnum(AssistanceType, { each: true })
  assistanceTypes: AssistanceType[];

  @Field(() => Int, { description: `Estimated budget in whole US dollars (0 to ${MAX_AMOUNT_USD}).` })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  estimatedBudgetUsd: number;

  @Field(() => CalendarDate, { nullable: true, description: 'When the work should start.' })
  @IsOptional()
  startDate?: string | null;

  @Field(() => CalendarDate, { nullable: true, description: 'When the work should end; after startDate.' })
  @IsOptional()
  endDate?: string | null;

  @Field(() => CalendarDate, {
    nullable: true,
    description:
      'The last day the need stands before its state must reconfirm it: after today and no later than the end of the reporting cycle after next. Left out on filing (or null), the end of the cycle after the current one; null on an update sets that default again.',
  })
  @IsOptional()
  @IsChoosableValidUntil()
  validUntil?: string | null;

  @Field(() => Int, { nullable: true, description: 'Priority from 1 (highest) to 5; default 3.' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(5)
  priority?: number;

  @Field({ nullable: true, description: 'Part of a national action plan or regional roadmap.' })
  @IsOmittable()
  @IsBoolean()
  nationalActionPlan?: boolean;

  @Field({ nullable: true, description: 'A baseline assessment has been done.' })
  @IsOmittable()
  @IsBoolean()
  baselineAssessment?: boolean;

  @Field({ nullable: true, description: 'The project has a gender component.' })
  @IsOmittable()
  @IsBoolean()
  genderComponent?: boolean;

  @Field({ nullable: true, description: 'The project runs over several years.' })
  @IsOmittable()
  @IsBoolean()
  multiYear?: boolean;

  @Field({ nullable: true, description: 'The country or area is affected by conflict or high armed violence.' })
  @IsOmittable()
  @IsBoolean()
  conflictAffected?: boolean;

  @Field(() => Visibility, { nullable: true, description: 'Who may see the need; default DONORS.' })
  @IsOmittable()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field({ nullable: true, description: 'SECRETARIAT and ADMIN only: the requesting country (ISO alpha-3).' })
  @IsOptional()
  @Matches(/^[A-Za-z]{3}$/, { message: 'countryIso3 must be a three-letter ISO 3166-1 alpha-3 code' })
  countryIso3?: string;

  @Field(() => ID, { nullable: true, description: 'The national report this need is drawn from.' })
  @IsOptional()
  @IsUUID()
  nationalReportId?: string;
}
