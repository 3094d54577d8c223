import { regionName } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';

/**
 * The list's formatters, built once per language. `formatUsd` and `formatPercent` build an
 * Intl.NumberFormat per call (about 0.2 ms each), which on a list of 500 needs costs more than the
 * rendering itself; these give the same text (need-list-rules.spec.ts checks) from one formatter each.
 */
export interface ListFormat {
  usd: (amount: number) => string;
  percent: (share: number) => string;
  country: (iso2: string, fallback: string) => string;
}

export function listFormat(locale: Locale): ListFormat {
  const usd = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const countries = new Map<string, string>();
  return {
    usd: (amount) => usd.format(amount),
    percent: (share) => percent.format(share),
    country: (iso2, fallback) => {
      let name = countries.get(iso2);
      if (name === undefined) {
        name = regionName(locale, iso2, fallback);
        countries.set(iso2, name);
      }
      return name;
    },
  };
}
