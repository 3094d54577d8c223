/**
 * The UN member and observer states and the UN M49 regions they belong to. The data is generated
 * by scripts/build-reference-data.mjs (`npm run reference:build`); never edit the JSON by hand.
 */
import referenceData from './data/countries.json';

export type RegionLevel = 'REGION' | 'SUB_REGION' | 'INTERMEDIATE_REGION';
export type UnStatus = 'MEMBER' | 'OBSERVER';

export interface Region {
  /** Three-digit UN M49 code, e.g. `011`. */
  readonly code: string;
  readonly name: string;
  readonly nameZh: string;
  /** The name in the six UN languages, keyed by ISO 639-1 code. */
  readonly names: Readonly<Record<'en' | 'fr' | 'es' | 'ru' | 'zh' | 'ar', string>>;
  readonly level: RegionLevel;
  /** M49 code of the enclosing area; `001` (World) for a top-level region. */
  readonly parentCode: string | null;
}

export interface Country {
  /** ISO 3166-1 alpha-3 code, upper case. */
  readonly iso3: string;
  /** ISO 3166-1 alpha-2 code, upper case. */
  readonly iso2: string;
  /** Three-digit UN M49 code. */
  readonly m49: string;
  readonly name: string;
  readonly nameZh: string;
  readonly unStatus: UnStatus;
  readonly regionCode: string;
  readonly subRegionCode: string;
  readonly intermediateRegionCode: string | null;
}

interface ReferenceData {
  regions: Region[];
  countries: Country[];
}

const { regions, countries } = referenceData as ReferenceData;
// Callers share these objects, so none of them may change one for the others.
[regions, countries, ...regions, ...regions.map((region) => region.names), ...countries].forEach((entry) => Object.freeze(entry));

const countriesByIso3 = new Map(countries.map((country) => [country.iso3, country]));
const regionsByCode = new Map(regions.map((region) => [region.code, region]));
const countriesByRegionCode = groupCountriesByRegion();

function groupCountriesByRegion(): Map<string, Country[]> {
  const groups = new Map<string, Country[]>();
  for (const country of countries) {
    for (const code of regionCodesOfCountry(country)) {
      const members = groups.get(code) ?? [];
      members.push(country);
      groups.set(code, members);
    }
  }
  return groups;
}

function regionCodesOfCountry(country: Country): string[] {
  const codes = [country.subRegionCode, country.regionCode];
  return country.intermediateRegionCode ? [country.intermediateRegionCode, ...codes] : codes;
}

/** The country with this ISO 3166-1 alpha-3 code (any case), if it is a UN member or observer state. */
export function findCountry(iso3: string): Country | undefined {
  return countriesByIso3.get(iso3.toUpperCase());
}

export function isKnownCountry(iso3: string): boolean {
  return countriesByIso3.has(iso3.toUpperCase());
}

/** All 195 states, sorted by alpha-3 code. */
export function allCountries(): readonly Country[] {
  return countries;
}

/** Every region, sub-region and intermediate region that holds at least one state, sorted by code. */
export function allRegions(): readonly Region[] {
  return regions;
}

export function findRegion(code: string): Region | undefined {
  return regionsByCode.get(code);
}

export function isKnownRegionCode(code: string): boolean {
  return regionsByCode.has(code);
}

/**
 * The M49 codes of the areas enclosing a country, most specific first: intermediate region (when
 * there is one), sub-region, region. Empty for an unknown country.
 */
export function regionCodesOf(iso3: string): string[] {
  const country = findCountry(iso3);
  return country ? regionCodesOfCountry(country) : [];
}

/** The states inside a region of any level, sorted by alpha-3 code; empty for an unknown code. */
export function countriesInRegion(code: string): readonly Country[] {
  return countriesByRegionCode.get(code) ?? [];
}
