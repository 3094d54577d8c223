/** The six UN languages the console speaks, in the order the UN lists them in its own menus. */
export const LOCALES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language by its own name, so a reader finds theirs whatever language the page is in. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ru: 'Русский',
  zh: '中文',
  ar: 'العربية',
};

const STORAGE_KEY = 'poa-match.language';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** The first of the browser's preferred languages that the console speaks ("fr-CH" → fr), else English. */
export function negotiateLocale(preferences: readonly string[]): Locale {
  for (const tag of preferences) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(language)) return language;
  }
  return 'en';
}

/** The reader's own choice wins over the browser's languages. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : negotiateLocale(navigator.languages ?? [navigator.language]);
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
}
