import { describe, expect, it } from 'vitest';
import { formatDate, formatList, formatNumber, formatPercent, formatUsd, fundedShare, isolatedValues, regionName } from './format';

// Intl's CLDR data separates groups with narrow no-break spaces in French and Russian; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatUsd', () => {
  it('writes US dollars as each locale does', () => {
    expect(formatUsd('en', 1250000)).toBe('$1,250,000');
    expect(plain(formatUsd('fr', 1250000))).toBe('1 250 000 $US');
    expect(plain(formatUsd('ru', 1250000))).toBe('1 250 000 $');
    expect(formatUsd('zh', 1250000)).toBe('US$1,250,000');
  });

  it('keeps an Arabic amount in one piece right to left: the Latin symbol held together, the amount isolated from the text around it', () => {
    expect(plain(formatUsd('ar', 14445000))).toBe('\u2068\u200f14,445,000 \u2066US$\u2069\u2069');
  });

  it('rounds to whole dollars', () => {
    expect(formatUsd('en', 999.6)).toBe('$1,000');
  });
});

describe('isolatedValues', () => {
  it('isolates the text set into an Arabic message, so an English title keeps its quotation marks in place', () => {
    expect(isolatedValues('ar', { title: 'Physical security', count: 3 })).toEqual({ title: '\u2068Physical security\u2069', count: 3 });
  });

  it('leaves the values of a left-to-right message as they are', () => {
    const values = { title: 'أمن المخزونات', count: 3 };
    expect(isolatedValues('en', values)).toBe(values);
    expect(isolatedValues('fr', values)).toBe(values);
  });
});

describe('formatDate', () => {
  it('keeps a calendar date on its day in every time zone', () => {
    expect(formatDate('en', '2026-01-01')).toBe('Jan 1, 2026');
    expect(formatDate('fr', '2026-12-31')).toBe('31 déc. 2026');
  });
});

describe('numbers and shares', () => {
  it('format in the locale', () => {
    expect(formatNumber('es', 12345)).toBe('12.345');
    expect(formatPercent('en', 0.456)).toBe('46%');
  });

  it('clamp the funded share and treat an unset budget as unfunded', () => {
    expect(fundedShare(50, 200)).toBe(0.25);
    expect(fundedShare(300, 200)).toBe(1);
    expect(fundedShare(10, 0)).toBe(0);
  });
});

describe('regionName', () => {
  it('names countries and M49 areas in the reader language', () => {
    expect(regionName('fr', 'DE', 'Germany')).toBe('Allemagne');
    expect(regionName('ar', 'NG', 'Nigeria')).toBe('نيجيريا');
    expect(regionName('zh', '002', 'Africa')).toBe('非洲');
  });

  it('falls back to the given name for a code the browser does not know', () => {
    expect(regionName('en', 'XK-unknown', 'Somewhere')).toBe('Somewhere');
  });
});

describe('formatList', () => {
  it('joins items as the locale does', () => {
    expect(formatList('en', ['Marking', 'Tracing', 'Training'])).toBe('Marking, Tracing, and Training');
    expect(formatList('ar', ['وسم', 'تعقب'])).toBe('وسم وتعقب');
    expect(formatList('zh', ['标识', '追查', '培训'])).toBe('标识、追查和培训');
  });
});
