import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MAX_AMOUNT_USD } from '../../common/money';
import { NeedStatus } from '../../domain/statuses';

@InputType({ description: 'Narrows a list of needs; every given condition must hold.' })
export class NeedFilter {
  @Field({ nullable: true, description: 'Only needs of this country (ISO alpha-3).' })
  @IsOptional()
  @Matches(/^[A-Za-z]{3}$/, { message: 'countryIso3 must be a three-letter ISO 3166-1 alpha-3 code' })
  countryIso3?: string;

  @Field({ nullable: true, description: 'Only needs of countries in this M49 area (region, sub-region or intermediate region).' })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'region must be a three-digit M49 code' })
  region?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Only needs with at least one of these themes (a group code stands for its themes).',
  })
  @IsOptional()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  themeCodes?: string[];

  @Field(() => [NeedStatus], { nullable: true, description: 'Only needs in one of these statuses.' })
  @IsOptional()
  @IsEnum(NeedStatus, { each: true })
  status?: NeedStatus[];

  @Field({ nullable: true, description: 'Words to look for in the title or description.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  search?: string;

  @Field(() => Int, {
    nullable: true,
    description: `Only needs with an estimated budget of at least this many US dollars (0 to ${MAX_AMOUNT_USD}).`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  minBudgetUsd?: number;

  @Field(() => Int, {
    nullable: true,
    description: `Only needs with an estimated budget of at most this many US dollars (0 to ${MAX_AMOUNT_USD}, not below minBudgetUsd).`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  maxBudgetUsd?: number;
}
