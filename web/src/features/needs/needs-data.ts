import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useLocale } from '../../i18n/I18nProvider';
import { regionName } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import { themeLabel } from '../../ui/enum-labels';

const NeedThemesQuery = graphql(`
  query NeedThemes {
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

const NeedCountriesQuery = graphql(`
  query NeedCountries {
    countries {
      iso3
      iso2
      name
    }
  }
`);

export interface ThemeGroup {
  code: string;
  label: string;
  themes: { code: string; label: string }[];
}

export interface Taxonomy {
  groups: ThemeGroup[];
  /** Any code (theme or group) → its label in the reader's language. */
  labelOf: (code: string) => string;
}

/**
 * The theme taxonomy in the reader's language, fetched once per session and shared by the list and the
 * form; lists ask the API only for theme codes, which keeps each row's query small.
 */
export function useTaxonomy(): Taxonomy | null {
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: NeedThemesQuery, requestPolicy: 'cache-first' });
  return useMemo(() => (data ? taxonomyOf(data.themes, locale) : null), [data, locale]);
}

function taxonomyOf(themes: { code: string; parentCode?: string | null; labels: Record<Locale, string> }[], locale: Locale): Taxonomy {
  const labels = new Map(themes.map((theme) => [theme.code, themeLabel(theme, locale)]));
  const groups = themes
    .filter((theme) => !theme.parentCode)
    .map((group) => ({
      code: group.code,
      label: labels.get(group.code)!,
      themes: themes.filter((theme) => theme.parentCode === group.code).map((theme) => ({ code: theme.code, label: labels.get(theme.code)! })),
    }));
  return { groups, labelOf: (code) => labels.get(code) ?? code };
}

export interface CountryOption {
  iso3: string;
  name: string;
}

/** States for the Secretariat to act for, named in the reader's language and sorted in its order. */
export function useCountryOptions(wanted: boolean): CountryOption[] | null {
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: NeedCountriesQuery, pause: !wanted, requestPolicy: 'cache-first' });
  return useMemo(() => {
    if (!data) return null;
    const collator = new Intl.Collator(locale);
    return data.countries
      .map((country) => ({ iso3: country.iso3, name: regionName(locale, country.iso2, country.name) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [data, locale]);
}
