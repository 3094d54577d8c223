import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Matches } from 'class-validator';
import { Instrument } from '../../domain/enums';

@InputType({ description: 'Narrows a list of national reports; every given condition must hold.' })
export class NationalReportFilter {
  @Field({ nullable: true, description: 'Only reports of this country (ISO alpha-3).' })
  @IsOptional()
  @Matches(/^[A-Za-z]{3}$/, { message: 'countryIso3 must be a three-letter ISO 3166-1 alpha-3 code' })
  countryIso3?: string;

  @Field(() => Int, { nullable: true, description: 'Only reports of this year.' })
  @IsOptional()
  @IsInt()
  year?: number;

  @Field(() => Instrument, { nullable: true, description: 'Only reports on this instrument.' })
  @IsOptional()
  @IsEnum(Instrument)
  instrument?: Instrument;
}
