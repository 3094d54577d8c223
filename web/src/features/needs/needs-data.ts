import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useLocale } from '../../i18n/I18nProvider';
import { regionName } from '../../i18n/format';

const NeedCountriesQuery = graphql(`
  query NeedCountries {
    countries {
      iso3
      iso2
      name
    }
  }
`);

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
