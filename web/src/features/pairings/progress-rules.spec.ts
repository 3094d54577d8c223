import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n/I18nProvider';
import {
  apiLength,
  disbursedSoFar,
  excerptOf,
  indicatorField,
  isCalendarDate,
  parseNumber,
  parseWholeUsd,
  progressInput,
  progressProblems,
  remainingUsd,
  type ProgressForm,
} from './progress-rules';
import { declineProblems } from './decline-rules';

// The message id with its values, so a test can tell which rule spoke.
const t: Translate = (id, values) => (values ? `${id} ${JSON.stringify(values)}` : id);

const VALID: ProgressForm = {
  periodEnd: '2026-06-30',
  narrative: 'Marking machines delivered to two regional depots.',
  disbursedUsd: '25000',
  indicators: [],
  completed: false,
};
const fieldsOf = (form: Partial<ProgressForm>, remaining = 100_000) =>
  progressProblems({ ...VALID, ...form }, remaining, 'en', t).map((problem) => problem.field);

describe('progressProblems', () => {
  it('accepts a complete report', () => {
    expect(progressProblems(VALID, 100_000, 'en', t)).toEqual([]);
  });

  it('needs a real calendar day for the period end', () => {
    expect(fieldsOf({ periodEnd: '' })).toEqual(['input.periodEnd']);
    expect(progressProblems({ ...VALID, periodEnd: '2027-02-30' }, 100_000, 'en', t)[0].message).toBe('common.rule.date');
  });

  it('takes a narrative of 10 to 20,000 characters, as sent (trimmed)', () => {
    expect(fieldsOf({ narrative: '   ' })).toEqual(['input.narrative']);
    expect(fieldsOf({ narrative: '  123456789  ' })).toEqual(['input.narrative']);
    expect(fieldsOf({ narrative: '1234567890' })).toEqual([]);
    expect(fieldsOf({ narrative: 'x'.repeat(20_000) })).toEqual([]);
    expect(fieldsOf({ narrative: 'x'.repeat(20_001) })).toEqual(['input.narrative']);
  });

  it('takes a whole number of dollars no larger than what the allocation has left', () => {
    expect(fieldsOf({ disbursedUsd: '' })).toEqual(['input.disbursedUsd']);
    expect(fieldsOf({ disbursedUsd: '12.5' })).toEqual(['input.disbursedUsd']);
    expect(fieldsOf({ disbursedUsd: '-1' })).toEqual(['input.disbursedUsd']);
    expect(fieldsOf({ disbursedUsd: '0' })).toEqual([]);
    expect(fieldsOf({ disbursedUsd: '100,000' })).toEqual([]);
    expect(fieldsOf({ disbursedUsd: '100001' })).toEqual(['input.disbursedUsd']);
    expect(progressProblems({ ...VALID, disbursedUsd: '5' }, 4, 'en', t)[0].message).toBe(
      'pairings.progress.rule.disbursedTooMuch {"remaining":"$4"}',
    );
  });

  it('checks each indicator row: a name of 1 to 200 characters, an achieved value, an optional target, all numbers', () => {
    const indicators = [
      { name: 'Officers trained', target: '120', value: '80' },
      { name: ' ', target: 'many', value: '' },
      { name: 'x'.repeat(201), target: '', value: '1.5' },
    ];
    expect(fieldsOf({ indicators })).toEqual([
      indicatorField(1, 'name'),
      indicatorField(1, 'target'),
      indicatorField(1, 'value'),
      indicatorField(2, 'name'),
    ]);
    expect(fieldsOf({ indicators: Array.from({ length: 51 }, () => ({ name: 'n', target: '', value: '1' })) })).toEqual([
      'input.indicators',
    ]);
  });
});

describe('progressInput', () => {
  it("sends trimmed text and numbers read in the reader's language", () => {
    const input = progressInput(
      {
        ...VALID,
        narrative: '  Done so far.  ',
        disbursedUsd: '12 500',
        completed: true,
        indicators: [{ name: ' Depots ', target: '', value: '2,5' }],
      },
      'fr',
    );
    expect(input).toEqual({
      periodEnd: '2026-06-30',
      narrative: 'Done so far.',
      disbursedUsd: 12_500,
      completed: true,
      indicators: [{ name: 'Depots', value: 2.5, target: null }],
    });
  });
});

describe('numbers as readers write them', () => {
  it("follows the locale's separators", () => {
    expect(parseNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseNumber('1\u202f234,5', 'fr')).toBe(1234.5);
    expect(parseNumber('1.234,5', 'es')).toBe(1234.5);
    expect(parseNumber('١٢٣', 'ar')).toBe(123);
    expect(parseNumber('-3', 'en')).toBe(-3);
    expect(parseNumber('12abc', 'en')).toBeNull();
    expect(parseNumber('', 'en')).toBeNull();
  });

  it('takes only whole dollars', () => {
    expect(parseWholeUsd('250,000', 'en')).toBe(250_000);
    expect(parseWholeUsd('250000.5', 'en')).toBeNull();
  });
});

describe('money of a pairing', () => {
  it('sums what the reports disbursed and what is left', () => {
    const reports = [{ disbursedUsd: 30_000 }, { disbursedUsd: 20_000 }];
    expect(disbursedSoFar(reports)).toBe(50_000);
    expect(remainingUsd(80_000, reports)).toBe(30_000);
    expect(remainingUsd(40_000, reports)).toBe(0);
  });
});

describe('lengths and dates as the API checks them', () => {
  it('counts a character outside the BMP once, as validator.js does', () => {
    expect(apiLength('abc')).toBe(3);
    expect(apiLength('𠀀𠀀')).toBe(2);
  });

  it('knows real calendar days', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-2-1')).toBe(false);
  });
});

describe('excerptOf', () => {
  it('keeps short text and cuts long text at a word', () => {
    expect(excerptOf('Short  text\n here')).toBe('Short text here');
    expect(excerptOf('word '.repeat(50), 20)).toBe('word word word word…');
  });
});

describe('declineProblems', () => {
  it('wants a reason of 3 to 2,000 characters', () => {
    expect(declineProblems('  ', t).map((p) => p.message)).toEqual(['pairings.decline.rule.reasonMissing']);
    expect(declineProblems(' no ', t).map((p) => p.field)).toEqual(['reason']);
    expect(declineProblems('Not a priority this year', t)).toEqual([]);
    expect(declineProblems('x'.repeat(2_001), t).map((p) => p.field)).toEqual(['reason']);
  });
});
