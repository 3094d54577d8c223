import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useLocale } from '../../i18n/I18nProvider';
import { regionName } from '../../i18n/format';
import { parentsOf, regionTree, type RegionNode } from './eligibility-rules';
import { useAreaName } from '../../ui/areas';

const OfferAreasQuery = graphql(`
  query OfferAreas {
    regions {
      code
      level
      parentCode
      name
    }
    countries {
      iso3
      iso2
      name
    }
  }
`);

export interface CountryChoice {
  iso3: string;
  /** In the reader's language. */
  name: string;
  /** As the API names it, so a reader can also find a country by its English name. */
  englishName: string;
}

export interface EligibleAreas {
  tree: RegionNode[];
  parents: Map<string, string>;
  countries: CountryChoice[];
  regionLabel: (code: string) => string;
  countryLabel: (iso3: string) => string;
}

/** M49 areas as a tree and countries, all named in the reader's language and sorted in its order. */
export function useEligibleAreas(): EligibleAreas | null {
  const { locale } = useLocale();
  const areaName = useAreaName();
  const [{ data }] = useQuery({ query: OfferAreasQuery, requestPolicy: 'cache-first' });
  return useMemo(() => {
    if (!data) return null;
    const collator = new Intl.Collator(locale);
    const regionNames = new Map(data.regions.map((region) => [region.code, areaName(region)]));
    const countries = data.countries
      .map((country) => ({ iso3: country.iso3, name: regionName(locale, country.iso2, country.name), englishName: country.name }))
      .sort((a, b) => collator.compare(a.name, b.name));
    const countryNames = new Map(countries.map((country) => [country.iso3, country.name]));
    return {
      tree: regionTree(data.regions, (region) => regionNames.get(region.code)!, collator),
      parents: parentsOf(data.regions),
      countries,
      regionLabel: (code: string) => regionNames.get(code) ?? code,
      countryLabel: (iso3: string) => countryNames.get(iso3) ?? iso3,
    };
  }, [data, locale, areaName]);
}
