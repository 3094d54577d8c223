import { findCountry } from '../../reference/geography';
import { THEMES, themeByCode, UnLanguage } from '../../reference/data/themes';
import { COMPENDIUM_TEXTS, CompendiumTexts } from './compendium-texts';

/** What the compendium shows of a need. */
export interface CompendiumNeedRow {
  title: string;
  description: string;
  countryIso3: string;
  estimatedBudgetUsd: number;
  gapUsd: number;
  themeCodes: readonly string[];
  sourceExcerpt: string | null;
}

export interface CompendiumNeed {
  title: string;
  description: string;
  country: string;
  budget: string;
  gap: string;
  themes: string[];
  sourceExcerpt: string | null;
}

export interface CompendiumSection {
  heading: string;
  needs: CompendiumNeed[];
}

export interface CompendiumRegion {
  code: string;
  heading: string;
  needCount: number;
  budget: string;
  gap: string;
  themes: CompendiumSection[];
}

/** The document, in one language, before it is laid out as HTML or PDF. */
export interface Compendium {
  lang: UnLanguage;
  dir: 'ltr' | 'rtl';
  texts: CompendiumTexts;
  generated: string;
  regions: CompendiumRegion[];
  needCount: number;
  budget: string;
  gap: string;
}

const THEME_ORDER = new Map(THEMES.map((theme, index) => [theme.code, index]));
const byTaxonomy = (a: string, b: string) => (THEME_ORDER.get(a) ?? Infinity) - (THEME_ORDER.get(b) ?? Infinity);

/**
 * US dollars as the language writes them. In Arabic the code "US$" ends in a sign that the
 * bidirectional algorithm would set apart from its letters ("$US" in a right-to-left line), so it is
 * isolated (U+2066…U+2069), and stays whole, to the left of the figure.
 */
function moneyFormat(lang: UnLanguage): { format: (usd: number) => string } {
  const format = new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  if (lang !== 'ar') return format;
  return {
    format: (usd) =>
      format
        .formatToParts(usd)
        .map((part) => (part.type === 'currency' ? `\u2066${part.value}\u2069` : part.value))
        .join(''),
  };
}

/**
 * Groups needs by the M49 region of their country, then by their main theme: the first of their themes
 * in the taxonomy's order, so each need appears once and the regions' totals add up.
 */
export function buildCompendium(rows: readonly CompendiumNeedRow[], lang: UnLanguage, generatedAt: Date): Compendium {
  const money = moneyFormat(lang);
  const regionNames = new Intl.DisplayNames([lang], { type: 'region' });
  const collator = new Intl.Collator(lang);
  const countryName = (iso3: string): string => {
    const country = findCountry(iso3);
    if (!country) return iso3;
    return lang === 'zh' ? country.nameZh : (regionNames.of(country.iso2) ?? country.name);
  };
  const themeName = (code: string) => themeByCode(code)?.labels[lang] ?? code;

  const regions = new Map<string, { rows: CompendiumNeedRow[]; themes: Map<string, CompendiumNeedRow[]> }>();
  for (const row of rows) {
    const regionCode = findCountry(row.countryIso3)?.regionCode ?? '001';
    const mainTheme = [...row.themeCodes].sort(byTaxonomy)[0] ?? '';
    const region = regions.get(regionCode) ?? { rows: [], themes: new Map<string, CompendiumNeedRow[]>() };
    region.rows.push(row);
    region.themes.set(mainTheme, [...(region.themes.get(mainTheme) ?? []), row]);
    regions.set(regionCode, region);
  }
  const sum = (list: readonly CompendiumNeedRow[], amount: (row: CompendiumNeedRow) => number) =>
    list.reduce((total, row) => total + amount(row), 0);
  const need = (row: CompendiumNeedRow): CompendiumNeed => ({
    title: row.title,
    description: row.description,
    country: countryName(row.countryIso3),
    budget: money.format(row.estimatedBudgetUsd),
    gap: money.format(row.gapUsd),
    themes: [...row.themeCodes].sort(byTaxonomy).map(themeName),
    sourceExcerpt: row.sourceExcerpt,
  });

  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    texts: COMPENDIUM_TEXTS[lang],
    generated: COMPENDIUM_TEXTS[lang].generated.replace(
      '{date}',
      new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(generatedAt),
    ),
    regions: [...regions.entries()]
      .map(([code, region]) => ({
        code,
        heading: regionNames.of(code) ?? code,
        needCount: region.rows.length,
        budget: money.format(sum(region.rows, (row) => row.estimatedBudgetUsd)),
        gap: money.format(sum(region.rows, (row) => row.gapUsd)),
        themes: [...region.themes.entries()]
          .sort(([a], [b]) => byTaxonomy(a, b))
          .map(([code, themeRows]) => ({
            heading: themeName(code),
            needs: themeRows.map(need).sort((a, b) => collator.compare(a.country, b.country) || collator.compare(a.title, b.title)),
          })),
      }))
      .sort((a, b) => collator.compare(a.heading, b.heading)),
    needCount: rows.length,
    budget: money.format(sum(rows, (row) => row.estimatedBudgetUsd)),
    gap: money.format(sum(rows, (row) => row.gapUsd)),
  };
}
