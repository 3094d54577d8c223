import { IntlMessageFormat } from 'intl-messageformat';
import type { UnLanguage } from '../../reference/data/themes';
import { NOTIFICATION_CATALOG, NotificationCatalog } from './catalog';

type PairKey = { [K in keyof NotificationCatalog]: NotificationCatalog[K] extends [string, string] ? K : never }[keyof NotificationCatalog];
type TextKey = Exclude<keyof NotificationCatalog, PairKey>;
export type TextValues = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat>();

function format(language: UnLanguage, message: string, values: TextValues): string {
  const cacheKey = `${language}\u0000${message}`;
  let formatter = compiled.get(cacheKey);
  if (!formatter) compiled.set(cacheKey, (formatter = new IntlMessageFormat(message, language)));
  return String(formatter.format(values));
}

/** A notification's title and body in the language. */
export function renderPair(language: UnLanguage, key: PairKey, values: TextValues): { title: string; body: string } {
  const [title, body] = NOTIFICATION_CATALOG[language][key];
  return { title: format(language, title, values), body: format(language, body, values) };
}

/** One of the e-mail's own texts in the language. */
export function renderText(language: UnLanguage, key: TextKey, values: TextValues = {}): string {
  return format(language, NOTIFICATION_CATALOG[language][key], values);
}

/** Amounts, scores and dates as the reader's locale writes them. */
export const formatUsd = (language: UnLanguage, amount: number): string =>
  new Intl.NumberFormat(language, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(amount);
export const formatScore = (language: UnLanguage, score: number): string =>
  new Intl.NumberFormat(language, { style: 'percent' }).format(score);
export const formatDate = (language: UnLanguage, isoDate: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
export const countryName = (language: UnLanguage, iso2: string): string =>
  new Intl.DisplayNames([language], { type: 'region' }).of(iso2) ?? iso2;
