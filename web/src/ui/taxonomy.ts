import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useLocale } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locales';
import { themeLabel } from './enum-labels';

const ThemeTaxonomyQuery = graphql(`
  query ThemeTaxonomy {
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
 * The theme taxonomy in the reader's language, groups with their themes in the API's order, fetched
 * once per session and shared by every list, filter and form; lists ask the API only for theme codes,
 * which keeps each row's query small.
 */
export function useTaxonomy(): Taxonomy | null {
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: ThemeTaxonomyQuery, requestPolicy: 'cache-first' });
  return useMemo(() => (data ? taxonomyOf(data.themes, locale) : null), [data, locale]);
}

function taxonomyOf(themes: { code: string; parentCode?: string | null; labels: Record<Locale, string> }[], locale: Locale): Taxonomy {
  const labels = new Map(themes.map((theme) => [theme.code, themeLabel(theme, locale)]));
  const groups = themes
    .filter((theme) => !theme.parentCode)
    .map((group) => ({
      code: group.code,
      label: labels.get(group.code)!,
      themes: themes
        .filter((theme) => theme.parentCode === group.code)
        .map((theme) => ({ code: theme.code, label: labels.get(theme.code)! })),
    }));
  return { groups, labelOf: (code) => labels.get(code) ?? code };
}
