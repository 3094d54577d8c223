import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '../access/access.decorators';
import { Country } from './entities/country.entity';
import { Region } from './entities/region.entity';
import { Theme } from './entities/theme.entity';
import { ReferenceService } from './reference.service';
import { ReportingCycle } from '../domain/reporting-cycles';
import { cyclesAskedFor, ReportingCyclesArgs, ReportingCycleType } from './reporting-cycle.type';

@Resolver(() => Country)
export class CountryResolver {
  constructor(private readonly reference: ReferenceService) {}

  @Public()
  @Query(() => [Country], { description: 'UN member and observer states, optionally only those in one M49 area. No login needed.' })
  countries(
    @Args('region', { nullable: true, description: 'An M49 region, sub-region or intermediate-region code, e.g. "002" or "014".' })
    region?: string,
  ): Country[] {
    return this.reference.listCountries(region);
  }

  @Public()
  @Query(() => Country, { description: 'One country by ISO 3166-1 alpha-3 code. No login needed.' })
  country(@Args('iso3') iso3: string): Country {
    return this.reference.getCountry(iso3);
  }

  @Public()
  @Query(() => [Region], { description: 'The M49 areas that UN member and observer states belong to. No login needed.' })
  regions(): Region[] {
    return this.reference.listRegions();
  }

  @ResolveField(() => Region, { description: 'M49 region (continent), e.g. Africa.' })
  region(country: Country): Region | null {
    return this.reference.findRegion(country.regionCode);
  }

  @ResolveField(() => Region, { description: 'M49 sub-region, e.g. Sub-Saharan Africa.' })
  subRegion(country: Country): Region | null {
    return this.reference.findRegion(country.subRegionCode);
  }

  @ResolveField(() => Region, { nullable: true, description: 'M49 intermediate region where there is one, e.g. Western Africa.' })
  intermediateRegion(country: Country): Region | null {
    return this.reference.findRegion(country.intermediateRegionCode);
  }
}

@Resolver(() => Theme)
export class ThemeResolver {
  constructor(private readonly reference: ReferenceService) {}

  @Public()
  @Query(() => [Theme], { description: 'The PoA/ITI theme taxonomy: five groups and their themes. No login needed.' })
  themes(): Theme[] {
    return this.reference.listThemes();
  }
}

@Resolver(() => ReportingCycleType)
export class ReportingCycleResolver {
  @Public()
  @Query(() => [ReportingCycleType], {
    description:
      'The reporting cycles of the Programme of Action, oldest first: the meetings held so far as recorded, and later ones by the rule the README states (a meeting every even year, a Review Conference every sixth year from 2024). No login needed.',
  })
  reportingCycles(@Args() args: ReportingCyclesArgs): ReportingCycle[] {
    return cyclesAskedFor(args);
  }
}
