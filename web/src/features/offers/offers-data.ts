import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useLocale } from '../../i18n/I18nProvider';
import { regionName } from '../../i18n/format';
import { themeLabel } from '../../ui/enum-labels';
import { parentsOf, regionTree, type RegionNode } from './eligibility-rules';

const OfferThemesQuery = graphql(`
  query OfferThemes {
    themes {
      code
      parentCode
      labels {
        en
        fr
        es
        ru
        zh
        ar
      }
    }
  }
`);

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

const OfferDonorsQuery = graphql(`
  query OfferDonors {
    donors {
      id
      name
    }
  }
`);

export interface OfferThemeGroup {
  code: string;
  label: string;
  themes: { code: string; label: string }[];
}

export interface OfferTaxonomy {
  groups: OfferThemeGroup[];
  /** Any code (theme or group) → its label in the reader's language. */
  labelOf: (code: string) => string;
}

/** The theme taxonomy in the reader's language: groups with their themes, in the API's order. */
export function useOfferTaxonomy(): OfferTaxonomy | null {
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: OfferThemesQuery, requestPolicy: 'cache-first' });
  return useMemo(() => {
    if (!data) return null;
    const labels = new Map(data.themes.map((theme) => [theme.code, themeLabel(theme, locale)]));
    const groups = data.themes
      .filter((theme) => !theme.parentCode)
      .map((group) => ({
        code: group.code,
        label: labels.get(group.code)!,
        themes: data.themes.filter((theme) => theme.parentCode === group.code).map((theme) => ({ code: theme.code, label: labels.get(theme.code)! })),
      }));
    return { groups, labelOf: (code: string) => labels.get(code) ?? code };
  }, [data, locale]);
}

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

/** M49 areas as a tree and countries, all named in the reader's language (the browser's CLDR names) and sorted in its order. */
export function useEligibleAreas(): EligibleAreas | null {
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: OfferAreasQuery, requestPolicy: 'cache-first' });
  return useMemo(() => {
    if (!data) return null;
    const collator = new Intl.Collator(locale);
    const regionNames = new Map(data.regions.map((region) => [region.code, regionName(locale, region.code, region.name)]));
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
  }, [data, locale]);
}

/** Donor organisations for the Secretariat to act for, sorted in the reader's order. */
export function useDonorOptions(wanted: boolean): { id: string; name: string }[] | null {
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: OfferDonorsQuery, pause: !wanted, requestPolicy: 'cache-first' });
  return useMemo(() => {
    if (!data) return null;
    const collator = new Intl.Collator(locale);
    return [...data.donors].sort((a, b) => collator.compare(a.name, b.name));
  }, [data, locale]);
}
