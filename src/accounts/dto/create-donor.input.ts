import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DonorKind } from '../entities/donor.entity';
import { IATI_ORGANISATION_REF, IATI_ORGANISATION_REF_MESSAGE } from '../iati-organisation-ref';
import { Trimmed } from '../../common/validation';

@InputType({ description: 'A new donor organisation.' })
export class CreateDonorInput {
  @Field({ description: 'Name of the organisation, unique.' })
  @Trimmed()
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

  @Field({ nullable: true, description: 'The IATI organisation identifier, e.g. "GB-GOV-1", for the IATI export of its pairings.' })
  @IsOptional()
  @Length(4, 100)
  @Matches(IATI_ORGANISATION_REF, { message: IATI_ORGANISATION_REF_MESSAGE })
  iatiOrganisationRef?: string;
}

@ArgsType()
export class SetDonorIatiReferenceArgs {
  @Field(() => ID, { description: 'The donor organisation.' })
  @IsString()
  donorId: string;

  @Field(() => String, { nullable: true, description: 'Its IATI organisation identifier, e.g. "GB-GOV-1"; null removes it.' })
  @IsOptional()
  @Length(4, 100)
  @Matches(IATI_ORGANISATION_REF, { message: IATI_ORGANISATION_REF_MESSAGE })
  iatiOrganisationRef?: string | null;
}
