import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BadUserInputError, NotFoundError } from '../common/errors/domain-errors';
import { expandThemeCodes, THEME_TAXONOMY } from './data/themes';
import { Country } from './entities/country.entity';
import { Region, RegionLevel } from './entities/region.entity';
import { Theme } from './entities/theme.entity';
import * as geography from './geography';

/**
 * Countries, M49 areas and themes change only with a release, so they are served from memory
 * (no query per field) and copied into the database at start-up for SQL joins and reports.
 */
@Injectable()
export class ReferenceService {
  private readonly themes: Theme[] = THEME_TAXONOMY.map((theme, position) =>
    Object.assign(new Theme(), {
      code: theme.code,
      parentCode: theme.parentCode,
      label: theme.labels.en,
      labelZh: theme.labels.zh,
      labels: { ...theme.labels },
      position,
    }),
  );
  private readonly themesByCode = new Map(this.themes.map((theme) => [theme.code, theme]));
  private readonly countries: Country[] = geography.allCountries().map((country) => Object.assign(new Country(), country));
  private readonly countriesByIso3 = new Map(this.countries.map((country) => [country.iso3, country]));
  private readonly regions: Region[] = geography
    .allRegions()
    .map((region) => Object.assign(new Region(), { ...region, level: region.level as RegionLevel }));
  private readonly regionsByCode = new Map(this.regions.map((region) => [region.code, region]));

  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent: inserts what is new and refreshes names, so an upgraded data package takes effect on restart. */
  async syncToDatabase(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(Region, this.regions, ['code']);
      await manager.upsert(Country, this.countries, ['iso3']);
      await manager.upsert(Theme, this.themes, ['code']);
    });
  }

  listThemes(): Theme[] {
    return this.themes;
  }

  findTheme(code: string): Theme | undefined {
    return this.themesByCode.get(code);
  }

  /** The themes of these codes in taxonomy order, so a record lists its themes the same way on every read. */
  themesInOrder(codes: readonly string[]): Theme[] {
    return codes.flatMap((code) => this.themesByCode.get(code) ?? []).sort((first, second) => first.position - second.position);
  }

  listCountries(regionCode?: string | null): Country[] {
    if (!regionCode) return this.countries;
    this.requireRegion(regionCode, 'region');
    return geography.countriesInRegion(regionCode).map((country) => this.countriesByIso3.get(country.iso3)!);
  }

  findCountry(iso3: string): Country | undefined {
    return this.countriesByIso3.get(iso3.toUpperCase());
  }

  getCountry(iso3: string): Country {
    const country = this.findCountry(iso3);
    if (!country) throw new NotFoundError('Country', iso3);
    return country;
  }

  listRegions(): Region[] {
    return this.regions;
  }

  findRegion(code: string | null | undefined): Region | null {
    return code ? (this.regionsByCode.get(code) ?? null) : null;
  }

  /** The country's M49 areas, most specific first (intermediate region, sub-region, region). */
  regionCodesOf(iso3: string): string[] {
    return geography.regionCodesOf(iso3);
  }

  /** Every country in an M49 area of any level. */
  countryCodesIn(regionCode: string): string[] {
    return geography.countriesInRegion(regionCode).map((country) => country.iso3);
  }

  /** Theme codes with every group code replaced by the themes in it (codes checked by requireThemes first). */
  expandThemeCodes(codes: string[]): string[] {
    return expandThemeCodes(codes);
  }

  /** Throws BAD_USER_INPUT naming `field` when a theme code is unknown. */
  requireThemes(codes: string[], field: string, options: { allowGroups: boolean }): void {
    const unknown = codes.filter((code) => {
      const theme = this.themesByCode.get(code);
      return !theme || (!options.allowGroups && theme.parentCode === null);
    });
    if (unknown.length) {
      const what = options.allowGroups ? 'theme or theme group codes' : 'theme codes (groups are not allowed here)';
      throw BadUserInputError.forField(field, `Unknown ${what}: ${unknown.join(', ')}. See the themes query.`);
    }
  }

  requireCountry(iso3: string, field: string): string {
    const country = this.findCountry(iso3);
    if (!country)
      throw BadUserInputError.forField(
        field,
        `Unknown country code ${iso3}; use an ISO 3166-1 alpha-3 code of a UN member or observer state.`,
      );
    return country.iso3;
  }

  requireRegion(code: string, field: string): string {
    if (!this.regionsByCode.has(code)) {
      throw BadUserInputError.forField(
        field,
        `Unknown M49 region code ${code}; use a region, sub-region or intermediate-region code such as "002" or "014".`,
      );
    }
    return code;
  }
}
