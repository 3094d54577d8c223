import { directionOf, type Locale } from './locales';

/**
 * Numbers, money and dates in the reader's locale, through Intl. Calendar dates (YYYY-MM-DD) are
 * formatted in UTC so a date never moves by a day with the reader's time zone.
 *
 * Building an Intl formatter costs far more than using one (a list of 500 needs would spend more on
 * building them than on rendering), so each is built once per locale and kept.
 */
function memoisedPerLocale<T>(build: (locale: Locale) => T): (locale: Locale) => T {
  const built = new Map<Locale, T>();
  return (locale) => {
    let formatter = built.get(locale);
    if (formatter === undefined) built.set(locale, (formatter = build(locale)));
    return formatter;
  };
}

const usdFormat = memoisedPerLocale(
  (locale) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }),
);
const numberFormat = memoisedPerLocale((locale) => new Intl.NumberFormat(locale));
const percentFormat = memoisedPerLocale((locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
const dateFormat = memoisedPerLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
const dateTimeFormat = memoisedPerLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
const listFormat = memoisedPerLocale((locale) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));
const regionNames = memoisedPerLocale((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));

// Unicode's directional isolates (first strong, left to right, pop), as in UAX #9.
const FIRST_STRONG_ISOLATE = '\u2068';
const LEFT_TO_RIGHT_ISOLATE = '\u2066';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/** Text kept apart from the direction of the sentence around it, taking the direction of its own first strong letter. */
function isolated(text: string): string {
  return `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}`;
}

/**
 * US dollars in the reader's locale. Right to left, Arabic writes "‏14,445,000 US$" (a right-to-left
 * mark, the number, the symbol): left to the bidirectional algorithm, the Latin "US" and the "$" come
 * apart ("$US 14,445,000") and the amount runs into the text around it. So there the symbol is kept
 * together left to right, and the whole amount is isolated from its neighbours; isolates are plain
 * text, so they hold in messages, table cells, chart labels and attributes alike.
 */
export function formatUsd(locale: Locale, amount: number): string {
  if (directionOf(locale) === 'ltr') return usdFormat(locale).format(amount);
  const parts = usdFormat(locale).formatToParts(amount);
  const text = parts
    .map((part) => (part.type === 'currency' ? `${LEFT_TO_RIGHT_ISOLATE}${part.value}${POP_DIRECTIONAL_ISOLATE}` : part.value))
    .join('');
  return isolated(text);
}

/**
 * The text values of a message (a need's title, an organisation's name, an amount), each isolated from
 * the sentence around it where the page runs right to left: an English title inside an Arabic sentence
 * would otherwise draw the quotation marks and words beside it into its own direction, so that «…»
 * come apart. Left to right they are left as they are, as money is. Isolates are plain text, so this
 * holds in headings, attributes and live regions alike. (A value chosen between by an ICU `select`
 * would no longer match its cases; the catalogs use none.)
 */
export function isolatedValues<V>(locale: Locale, values: Record<string, V>): Record<string, V | string> {
  if (directionOf(locale) === 'ltr') return values;
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'string' ? isolated(value) : value]));
}

export function formatNumber(locale: Locale, value: number): string {
  return numberFormat(locale).format(value);
}

/** A share in [0, 1] as a whole percentage. */
export function formatPercent(locale: Locale, share: number): string {
  return percentFormat(locale).format(share);
}

/** Items of a list joined as the locale joins them ("Marking and Tracing", "标识和追查", "وسم وتعقب"). */
export function formatList(locale: Locale, items: readonly string[]): string {
  return listFormat(locale).format(items);
}

export function formatDate(locale: Locale, isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return dateFormat(locale).format(new Date(Date.UTC(year, month - 1, day)));
}

export function formatDateTime(locale: Locale, isoDateTime: string): string {
  return dateTimeFormat(locale).format(new Date(isoDateTime));
}

/**
 * A country's name in the reader's language, from the browser's own CLDR data, by its ISO 3166-1
 * alpha-2 code. (CLDR names few M49 areas: those are named by `useAreaName`.)
 */
export function regionName(locale: Locale, code: string, fallback: string): string {
  try {
    return regionNames(locale).of(code) ?? fallback;
  } catch {
    return fallback;
  }
}

/** The funded share of a need, clamped to [0, 1] (a need with no budget yet counts as unfunded). */
export function fundedShare(fundedUsd: number, budgetUsd: number): number {
  if (budgetUsd <= 0) return 0;
  return Math.min(1, Math.max(0, fundedUsd / budgetUsd));
}
