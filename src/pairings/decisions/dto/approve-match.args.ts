import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length } from 'class-validator';
import { Trimmed } from '../../../common/validation';

@ArgsType()
export class ApproveMatchArgs {
  @Field(() => ID, { description: 'The pairing to approve.' })
  @IsString()
  id: string;

  @Field(() => Int, { description: "US dollars reserved from the offer's remaining capacity for the need." })
  @IsInt()
  allocatedUsd: number;

  @Field(() => Int, { description: 'The version you decided on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Why, or on what terms (up to 2,000 characters); kept in the audit trail.' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}
