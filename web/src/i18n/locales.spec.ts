import { describe, expect, it } from 'vitest';
import { directionOf, LOCALE_NAMES, LOCALES, negotiateLocale } from './locales';

describe('negotiateLocale', () => {
  it('takes the first preferred language the console speaks, ignoring the region', () => {
    expect(negotiateLocale(['de-DE', 'fr-CH', 'en'])).toBe('fr');
    expect(negotiateLocale(['zh-Hans-CN'])).toBe('zh');
    expect(negotiateLocale(['AR_eg'])).toBe('ar');
  });

  it('falls back to English', () => {
    expect(negotiateLocale([])).toBe('en');
    expect(negotiateLocale(['pt-BR', 'de'])).toBe('en');
  });
});

describe('languages', () => {
  it('are the six UN languages, each named in itself', () => {
    expect(LOCALES.map((locale) => LOCALE_NAMES[locale])).toEqual(['English', 'Français', 'Español', 'Русский', '中文', 'العربية']);
  });

  it('run right to left only in Arabic', () => {
    expect(LOCALES.filter((locale) => directionOf(locale) === 'rtl')).toEqual(['ar']);
  });
});
