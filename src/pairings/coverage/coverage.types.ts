import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Region } from '../../reference/entities/region.entity';
import { Theme } from '../../reference/entities/theme.entity';

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
