import type { Locale } from './locales';

type Catalog = Record<string, string>;

/**
 * Each feature keeps its messages beside its code (`features/<feature>/messages/<locale>.json`).
 * Only the chosen language's files are fetched, each as a small chunk of its own.
 */
const catalogFiles = import.meta.glob<Catalog>('../features/*/messages/*.json', { import: 'default' });

export async function loadMessages(locale: Locale): Promise<Catalog> {
  const ofLocale = Object.entries(catalogFiles).filter(([path]) => path.endsWith(`/${locale}.json`));
  const parts = await Promise.all(ofLocale.map(([, load]) => load()));
  return Object.assign({}, ...parts) as Catalog;
}
