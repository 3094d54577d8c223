import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MatchStatus } from '../../../domain/statuses';

@InputType({ description: 'Narrows a list of matches; every condition given must hold.' })
export class MatchFilter {
  @Field(() => ID, { nullable: true, description: 'Matches of this need.' })
  @IsOptional()
  @IsString()
  needId?: string;

  @Field(() => ID, { nullable: true, description: 'Matches of this offer.' })
  @IsOptional()
  @IsString()
  offerId?: string;

  @Field(() => ID, { nullable: true, description: 'Matches of the offers of this donor organisation.' })
  @IsOptional()
  @IsString()
  donorId?: string;

  @Field(() => [MatchStatus], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @IsArray()
  @IsEnum(MatchStatus, { each: true })
  status?: MatchStatus[];

  @Field(() => Float, { nullable: true, description: 'Only scores at least this high (0–1).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minScore?: number;

  @Field({ nullable: true, description: 'Needs of this country (ISO alpha-3).' })
  @IsOptional()
  @IsString()
  @Length(3, 3)
  countryIso3?: string;

  @Field({ nullable: true, description: 'Needs of countries in this M49 region, sub-region or intermediate region.' })
  @IsOptional()
  @IsString()
  region?: string;

  @Field(() => [String], { nullable: true, description: 'Needs concerning any of these themes (a group code stands for its themes).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  themeCodes?: string[];
}
