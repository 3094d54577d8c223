import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { MAX_AMOUNT_USD } from '../../../../common/money';

export const MAX_SOLVE_SECONDS = 60;

@InputType({ description: 'Geographic balance and limits for an allocation plan; all optional.' })
export class ProposeAllocationInput {
  @Field(() => Float, {
    nullable: true,
    description: 'Share (0–1) of the allocated total that every M49 region with candidate needs must receive at least.',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minRegionShare?: number;

  @Field(() => Float, { nullable: true, description: 'Largest share (0–1) of the allocated total one country may receive.' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  maxCountryShare?: number;

  @Field(() => Int, { nullable: true, description: 'Largest amount one country may receive, in US dollars.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  maxCountryUsd?: number;

  @Field(() => Float, {
    nullable: true,
    description: `Solver time budget in seconds (0.1–${MAX_SOLVE_SECONDS}, default 30); the best plan found by then is kept.`,
  })
  @IsOptional()
  @IsNumber()
  @Min(0.1)
  @Max(MAX_SOLVE_SECONDS)
  timeLimitSeconds?: number;
}
