import { Field, Float, InputType } from '@nestjs/graphql';
import { IsNumber, IsOptional, Min } from 'class-validator';

const finite = { allowNaN: false, allowInfinity: false };

/** Weight overrides for one run; an omitted factor keeps its default. */
@InputType({
  description:
    'Weights for a matching run, each ≥ 0; an omitted factor keeps its default (see the README). At least one factor other than gender must be positive.',
})
export class MatchingWeightsInput {
  @Field(() => Float, { nullable: true, description: 'Theme fit (default 0.30).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  theme?: number;

  @Field(() => Float, { nullable: true, description: 'Region fit (default 0.20).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  region?: number;

  @Field(() => Float, { nullable: true, description: 'Capacity fit (default 0.20).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  capacity?: number;

  @Field(() => Float, { nullable: true, description: 'National ownership (default 0.10).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  ownership?: number;

  @Field(() => Float, { nullable: true, description: 'Gender component, for offers that ask for one (default 0.05).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  gender?: number;

  @Field(() => Float, { nullable: true, description: 'Baseline assessment done (default 0.05).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  baseline?: number;

  @Field(() => Float, { nullable: true, description: 'Multi-year project (default 0.05).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  multiYear?: number;

  @Field(() => Float, { nullable: true, description: 'Conflict-affected context (default 0.05).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  conflict?: number;
}
