import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useLocale } from '../i18n/I18nProvider';

const AreaNamesQuery = graphql(`
  query AreaNames {
    regions {
      code
      names {
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

/** Names an M49 area (a region, sub-region or intermediate region); its English name until the names are read. */
export type AreaName = (area: { code: string; name: string }) => string;

/**
 * M49 areas in the reader's language as the UN writes them, fetched once per session and shared by
 * every page. Browsers' own data (CLDR) names only a few M49 areas: Chromium says "Latin America" but
 * gives "011" back for Western Africa, in every language.
 */
export function useAreaName(): AreaName {
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: AreaNamesQuery, requestPolicy: 'cache-first' });
  return useMemo(() => {
    const names = new Map((data?.regions ?? []).map((region) => [region.code, region.names[locale]]));
    return (area) => names.get(area.code) ?? area.name;
  }, [data, locale]);
}
