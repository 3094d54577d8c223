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
import { AssistanceType, Modality } from '../../domain/enums';
import { CalendarDate } from '../../common/graphql/calendar-date.scalar';
import { MAX_AMOUNT_USD } from '../../common/money';
import { IsOmittable, Trimmed } from '../../common/validation';

@InputType({ description: 'A new offer of the signed-in donor. It must name at least one eligible country or region, or be global.' })
export class CreateOfferInput {
  @Field({ description: 'Short title (3–200 characters).' })
  @Trimmed()
  @IsString()
  @Length(3, 200)
  title: string;

  @Field({ description: 'What is offered and on what terms (up to 20,000 characters).' })
  @Trimmed()
  @IsString()
  @Length(10, 20000)
  description: string;

  @Field(() => [String], { description: 'Theme codes or theme group codes; a group covers every theme in it.' })
  @ArrayNotEmpty()
  @ArrayMaxSize(40)
  @ArrayUnique()
  @IsString({ each: true })
  themeCodes: string[];

  @Field(() => [AssistanceType], { description: 'Kinds of assistance offered.' })
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsEnum(AssistanceType, { each: true })
  assistanceTypes: AssistanceType[];

  @Field(() => [String], { nullable: true, description: 'Countries (ISO alpha-3) the offer is open to.' })
  @IsOptional()
  @ArrayMaxSize(250)
  @ArrayUnique()
  @Matches(/^[A-Za-z]{3}$/, { each: true, message: 'each eligible country must be a three-letter ISO 3166-1 alpha-3 code' })
  eligibleCountryIso3s?: string[];

  @Field(() => [String], { nullable: true, description: 'M49 regions, sub-regions or intermediate regions the offer is open to.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(/^\d{3}$/, { each: true, message: 'each eligible region must be a three-digit M49 code' })
  eligibleRegionCodes?: string[];

  @Field({ nullable: true, description: 'Open to every country.' })
  @IsOmittable()
  @IsBoolean()
  global?: boolean;

  @Field(() => Int, {
    description: `Total capacity in whole US dollars (1 to ${MAX_AMOUNT_USD}); the value of in-kind support for in-kind offers.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_USD)
  capacityUsd: number;

  @Field(() => Int, { nullable: true, description: 'Amount of in-kind support, counted in inKindUnit.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_USD)
  inKindQuantity?: number;

  @Field({ nullable: true, description: 'Unit of the in-kind support, e.g. "expert-days" or "trainee places".' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(2, 60)
  inKindUnit?: string;

  @Field(() => Int, { nullable: true, description: 'Smallest single grant in US dollars.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  minGrantUsd?: number;

  @Field(() => Int, { nullable: true, description: 'Largest single grant in US dollars; at least minGrantUsd, at most capacityUsd.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_USD)
  maxGrantUsd?: number;

  @Field(() => CalendarDate, { nullable: true, description: 'First day the offer can fund work.' })
  @IsOptional()
  startDate?: string | null;

  @Field(() => CalendarDate, { nullable: true, description: 'Last day the offer can fund work; after startDate.' })
  @IsOptional()
  endDate?: string | null;

  @Field(() => Modality, { nullable: true, description: 'Cooperation modality.' })
  @IsOptional()
  @IsEnum(Modality)
  modality?: Modality;

  @Field({ nullable: true, description: 'Only needs with a gender component qualify.' })
  @IsOmittable()
  @IsBoolean()
  requiresGenderComponent?: boolean;

  @Field(() => ID, { nullable: true, description: 'SECRETARIAT and ADMIN only: the donor the offer is posted for.' })
  @IsOptional()
  @IsUUID()
  donorId?: string;

  @Field({ nullable: true, description: 'Other conditions, in words.' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 5000)
  conditions?: string;
}
