import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { CalendarDate } from '../../common/graphql/calendar-date.scalar';
import { MAX_AMOUNT_USD } from '../../common/money';
import { Trimmed } from '../../common/validation';

@InputType({ description: 'Part of a need funded by another source.' })
export class RecordOtherFundingInput {
  @Field(() => ID, { description: 'The need funded; it must be OPEN or PARTLY_FUNDED.' })
  @IsUUID()
  needId: string;

  @Field({ description: 'Who funds it (1–200 characters).' })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  funderName: string;

  @Field(() => Int, { description: 'US dollars funded, a positive whole number no larger than what the need still lacks (fundingGapUsd).' })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_USD)
  amountUsd: number;

  @Field(() => CalendarDate, { description: 'When the funding was granted.' })
  @IsString()
  fundedOn: string;

  @Field(() => String, {
    nullable: true,
    description: 'Anything worth knowing, e.g. the funder’s project reference (up to 2,000 characters).',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}
