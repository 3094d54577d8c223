import { describe, expect, it } from 'vitest';
import {
  differingFields,
  emptyNeedForm,
  isCalendarDate,
  needFormFrom,
  needFormProblems,
  needInputOf,
  parseWholeUsd,
  type NeedFormValues,
} from './need-form-rules';
import { needFilterOf, needListSearch, parseNeedListQuery } from './need-list-rules';

const t = (id: string, values?: Record<string, unknown>) => (values ? `${id} ${JSON.stringify(values)}` : id);

const valid: NeedFormValues = {
  ...emptyNeedForm('NGA'),
  title: 'Marking machines',
  description: 'Machines to mark small arms at import.',
  themeCodes: ['MARKING'],
  assistanceTypes: ['EQUIPMENT'],
  estimatedBudgetUsd: '250000',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
};

const fieldsOf = (values: Partial<NeedFormValues>, options?: Parameters<typeof needFormProblems>[2]) =>
  needFormProblems({ ...valid, ...values }, t, options).map((problem) => problem.field);

describe('needFormProblems mirrors the API', () => {
  it('accepts a complete need', () => {
    expect(fieldsOf({})).toEqual([]);
  });

  it.each([
    ['a missing title', { title: '  ' }, 'input.title'],
    ['a title of 2 characters', { title: 'ab' }, 'input.title'],
    ['a title of 201 characters', { title: 'x'.repeat(201) }, 'input.title'],
    ['a description under 10 characters', { description: 'too short' }, 'input.description'],
    ['a description over 20,000 characters', { description: 'x'.repeat(20_001) }, 'input.description'],
    ['no theme', { themeCodes: [] }, 'input.themeCodes'],
    ['more than 30 themes', { themeCodes: Array.from({ length: 31 }, (_, i) => `T${i}`) }, 'input.themeCodes'],
    ['no assistance type', { assistanceTypes: [] }, 'input.assistanceTypes'],
    ['no budget', { estimatedBudgetUsd: '' }, 'input.estimatedBudgetUsd'],
    ['a negative budget', { estimatedBudgetUsd: '-5' }, 'input.estimatedBudgetUsd'],
    ['a fractional budget', { estimatedBudgetUsd: '10.5' }, 'input.estimatedBudgetUsd'],
    ['a budget above USD 1 billion', { estimatedBudgetUsd: '1000000001' }, 'input.estimatedBudgetUsd'],
    ['an end before the start', { endDate: '2026-12-31' }, 'input.endDate'],
    ['an end on the start day', { endDate: '2027-01-01' }, 'input.endDate'],
    ['a date that does not exist', { startDate: '2027-02-30' }, 'input.startDate'],
    ['a priority of 0', { priority: '0' }, 'input.priority'],
    ['a priority of 6', { priority: '6' }, 'input.priority'],
  ])('refuses %s, naming the field', (_case, values, field) => {
    expect(fieldsOf(values as Partial<NeedFormValues>)).toEqual([field]);
  });

  it('accepts a budget of 0, USD 1 billion, spaces between digit groups and no dates', () => {
    expect(fieldsOf({ estimatedBudgetUsd: '0' })).toEqual([]);
    expect(fieldsOf({ estimatedBudgetUsd: '1000000000' })).toEqual([]);
    expect(fieldsOf({ estimatedBudgetUsd: '250 000' })).toEqual([]);
    expect(fieldsOf({ startDate: '', endDate: '' })).toEqual([]);
  });

  it('asks the Secretariat for the country, and keeps a budget above the money approved', () => {
    expect(fieldsOf({ countryIso3: '' }, { requireCountry: true })).toEqual(['input.countryIso3']);
    expect(fieldsOf({ countryIso3: '' })).toEqual([]);
    expect(fieldsOf({ estimatedBudgetUsd: '1000' }, { fundedUsd: 5000 })).toEqual(['input.estimatedBudgetUsd']);
  });

  it('refuses a validity that is not a date, or not after today, unless it is the one stored', () => {
    const problems = (values: Partial<NeedFormValues>, options?: Parameters<typeof needFormProblems>[2]) =>
      needFormProblems({ ...valid, ...values }, t, options, '2026-12-05').map((problem) => problem.field);
    expect(problems({ validUntil: '2027-06-30' })).toEqual([]);
    expect(problems({ validUntil: '2027-02-30' })).toEqual(['input.validUntil']);
    expect(problems({ validUntil: '2026-12-05' })).toEqual(['input.validUntil']);
    expect(problems({ validUntil: '2026-11-30' }, { storedValidUntil: '2026-11-30' })).toEqual([]);
  });
});

describe('values', () => {
  it('reads whole dollars and calendar dates strictly', () => {
    expect(parseWholeUsd('1\u202f000\u00a0000')).toBe(1_000_000);
    expect(parseWholeUsd('1,000')).toBeNull();
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
  });

  it('sends trimmed text, numbers and null for dates left empty', () => {
    expect(needInputOf({ ...valid, title: ' Marking ', startDate: '', endDate: '' })).toMatchObject({
      title: 'Marking',
      estimatedBudgetUsd: 250_000,
      priority: 3,
      startDate: null,
      endDate: null,
    });
  });

  it('sends the validity when filing (null for the default), and when editing only if the reader changed it', () => {
    expect(needInputOf({ ...valid, validUntil: '' })).toMatchObject({ validUntil: null });
    expect(needInputOf({ ...valid, validUntil: '2027-06-30' })).toMatchObject({ validUntil: '2027-06-30' });
    expect(needInputOf({ ...valid, validUntil: '2028-12-31' }, '2028-12-31')).not.toHaveProperty('validUntil');
    expect(needInputOf({ ...valid, validUntil: '2027-06-30' }, '2028-12-31')).toMatchObject({ validUntil: '2027-06-30' });
    expect(needInputOf({ ...valid, validUntil: '' }, '2028-12-31')).toMatchObject({ validUntil: null });
  });

  it('tells which fields differ between two versions, ignoring the order of choices', () => {
    const stored = needFormFrom({
      ...needInputOf(valid),
      country: { iso3: 'NGA' },
      themes: [{ code: 'MARKING' }, { code: 'RECORD_KEEPING' }],
      assistanceTypes: ['EQUIPMENT', 'TRAINING'],
    });
    const mine = { ...stored, themeCodes: ['RECORD_KEEPING', 'MARKING'], assistanceTypes: ['TRAINING', 'EQUIPMENT'] } as NeedFormValues;
    expect(differingFields(stored, mine)).toEqual([]);
    expect(differingFields(stored, { ...mine, title: 'Other', multiYear: true, estimatedBudgetUsd: '1' })).toEqual([
      'title',
      'estimatedBudgetUsd',
      'multiYear',
    ]);
  });
});

describe('the list', () => {
  it('keeps a state on its own country and lets the Secretariat choose one in the address', () => {
    expect(parseNeedListQuery('?country=GHA', { ownCountry: 'NGA', actsForOthers: false }).country).toBe('NGA');
    expect(parseNeedListQuery('?country=gha', { ownCountry: null, actsForOthers: true }).country).toBe('GHA');
    expect(parseNeedListQuery('?country=nope', { ownCountry: null, actsForOthers: true }).country).toBe('');
  });

  it('reads status, theme, words and page size, capping the page at 100', () => {
    const query = parseNeedListQuery('?status=OPEN&theme=MARKING&q=%20police%20&first=500', { ownCountry: 'NGA', actsForOthers: false });
    expect(query).toMatchObject({ status: 'OPEN', theme: 'MARKING', search: 'police', first: 100 });
    expect(needFilterOf(query)).toEqual({ countryIso3: 'NGA', status: ['OPEN'], themeCodes: ['MARKING'], search: 'police' });
    expect(parseNeedListQuery('?status=ALL', { ownCountry: 'NGA', actsForOthers: false }).status).toBe('');
  });

  it('writes the address back, leaving defaults and a state’s own country out', () => {
    expect(needListSearch({ country: 'NGA', status: 'OPEN', first: 20 }, true)).toBe('?country=NGA&status=OPEN');
    expect(needListSearch({ country: 'NGA', search: 'arms' }, false)).toBe('?q=arms');
  });

  it('shows every need on one page when asked for all, and reads anything else as a number', () => {
    expect(parseNeedListQuery('?first=all', { ownCountry: 'NGA', actsForOthers: false }).first).toBe('all');
    expect(parseNeedListQuery('?first=ALL', { ownCountry: 'NGA', actsForOthers: false }).first).toBe(20);
    expect(needListSearch({ first: 'all' }, false)).toBe('?first=all');
  });
});
