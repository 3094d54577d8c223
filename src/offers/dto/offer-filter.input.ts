import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { OfferStatus } from '../../domain/statuses';

@InputType({ description: 'Narrows a list of offers; every given condition must hold.' })
export class OfferFilter {
  @Field(() => ID, { nullable: true, description: 'Only offers of this donor.' })
  @IsOptional()
  @IsUUID()
  donorId?: string;

  @Field(() => [String], { nullable: true, description: 'Only offers covering at least one of these themes (or groups).' })
  @IsOptional()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  themeCodes?: string[];

  @Field({ nullable: true, description: 'Only offers open to some country of this M49 area (global offers included).' })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'region must be a three-digit M49 code' })
  region?: string;

  @Field(() => [OfferStatus], { nullable: true, description: 'Only offers in one of these statuses.' })
  @IsOptional()
  @IsEnum(OfferStatus, { each: true })
  status?: OfferStatus[];
}
