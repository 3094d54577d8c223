import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { CalendarDate } from '../../../common/graphql/calendar-date.scalar';
import { MAX_AMOUNT_USD } from '../../../common/money';
import { Trimmed } from '../../../common/validation';

@InputType({ description: 'One measured indicator.' })
export class ProgressIndicatorInput {
  @Field({ description: 'What is measured (1–200 characters).' })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  name: string;

  @Field(() => Float, { description: 'Value reached by the end of the period.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @Field(() => Float, { nullable: true, description: 'Value the project aims for.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target?: number | null;
}

@InputType({ description: 'A progress update on a confirmed or active pairing.' })
export class ProgressReportInput {
  @Field(() => CalendarDate, { description: 'Last day of the period the report covers.' })
  @IsString()
  periodEnd: string;

  @Field({ description: 'What was done, what changed, what is late and why (10–20,000 characters).' })
  @Trimmed()
  @IsString()
  @Length(10, 20000)
  narrative: string;

  @Field(() => Int, { description: 'US dollars disbursed during the period; all reports together never exceed the allocation.' })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  disbursedUsd: number;

  @Field({ nullable: true, description: 'The project is finished: the pairing becomes COMPLETED.' })
  @IsOptional()
  @IsBoolean()
  completed?: boolean;

  @Field(() => [ProgressIndicatorInput], { nullable: true, description: 'Measured indicators, if the project tracks any.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProgressIndicatorInput)
  indicators?: ProgressIndicatorInput[];
}
