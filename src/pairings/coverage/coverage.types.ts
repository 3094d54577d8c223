import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Region } from '../../reference/entities/region.entity';
import { Theme } from '../../reference/entities/theme.entity';
import { FIRST_REPORT_YEAR } from '../../reports/report-year';

/**
 * Sums are Float: across all needs they can pass 2^31, and a GraphQL Float (a double) holds whole
 * dollars exactly up to 2^53.
 */
@ObjectType({ isAbstract: true })
abstract class CoverageFigures {
  @Field(() => Int, { description: 'Needs still looking for money (OPEN or PARTLY_FUNDED).' })
  openNeeds: number;

  @Field(() => Float, { description: 'Budgets of all published needs (OPEN, PARTLY_FUNDED, FUNDED, CLOSED), in whole US dollars.' })
  requestedUsd: number;

  @Field(() => Float, { description: 'US dollars allocated by approved, confirmed, active and completed pairings.' })
  approvedUsd: number;

  @Field(() => Float, { description: 'US dollars reported as disbursed on those pairings.' })
  disbursedUsd: number;
}

@ObjectType({ description: 'Needs and money for the countries of one M49 region.' })
export class RegionCoverage extends CoverageFigures {
  @Field(() => Region, { description: 'The M49 region (Africa, Americas, Asia, Europe, Oceania).' })
  region: Region;
}

@ObjectType({ description: 'Needs and money for one theme; a need with several themes counts in full under each of them.' })
export class ThemeCoverage extends CoverageFigures {
  @Field(() => Theme, { description: 'The theme.' })
  theme: Theme;
}

@ObjectType({ description: 'Where needs are and where the money goes, for the Secretariat (000 para 87; 002 para 54).' })
export class Coverage {
  @Field(() => [RegionCoverage], { description: 'One entry per M49 region with published needs, by region code.' })
  byRegion: RegionCoverage[];

  @Field(() => [ThemeCoverage], { description: 'One entry per theme with published needs, in taxonomy order.' })
  byTheme: ThemeCoverage[];
}

/**
 * Which needs the figures count. A need belongs to the year of the national report it was drawn
 * from, since that is the reporting cycle in which the state asked for it; a need filed by hand
 * belongs to the year it was filed (UTC).
 */
@ArgsType()
export class CoverageArgs {
  @Field(() => Int, {
    nullable: true,
    description:
      "Only the needs of this year: the year of the national report a need was drawn from, or for a need filed by hand the year it was filed (UTC). Money counts with its need, whenever it was approved or disbursed.",
  })
  @IsOptional()
  @IsInt()
  @Min(FIRST_REPORT_YEAR)
  @Max(9999)
  year?: number;

  @Field({ nullable: true, description: 'Only the needs of countries in this M49 area (region, sub-region or intermediate region), e.g. "002" or "014".' })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'region must be a three-digit M49 code' })
  region?: string;
}
