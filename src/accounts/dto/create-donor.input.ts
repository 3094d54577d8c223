import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DonorKind } from '../entities/donor.entity';

@InputType({ description: 'A new donor organisation.' })
export class CreateDonorInput {
  @Field({ description: 'Name of the organisation, unique.' })
  @IsString()
  @Length(2, 200)
  name: string;

  @Field(() => DonorKind, { description: 'Kind of organisation.' })
  @IsEnum(DonorKind)
  kind: DonorKind;

  @Field({ nullable: true, description: "For donor governments: the country's ISO 3166-1 alpha-3 code." })
  @IsOptional()
  @Matches(/^[A-Za-z]{3}$/, { message: 'countryIso3 must be a three-letter ISO 3166-1 alpha-3 code' })
  countryIso3?: string;
}
