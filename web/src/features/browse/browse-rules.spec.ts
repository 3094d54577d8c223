import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n/I18nProvider';
import { browseFilterOf, browseSearch, budgetRange, parseBrowseQuery } from './browse-rules';

const t = ((id: string) => id) as Translate;

describe('the browse address', () => {
  it('reads every filter, the sort and the cursor, and writes them back the same', () => {
    const search = 'region=011&country=NGA&theme=MARKING&status=OPEN&min=1000&max=500000&sort=LEAST_FUNDED_FIRST&after=abc';
    const query = parseBrowseQuery(search);
    expect(query).toEqual({
      region: '011',
      country: 'NGA',
      theme: 'MARKING',
      status: 'OPEN',
      minBudget: 1000,
      maxBudget: 500000,
      sort: 'LEAST_FUNDED_FIRST',
      after: 'abc',
    });
    expect(browseSearch(query)).toBe(`?${search}`);
  });

  it('drops what the API would refuse and leaves defaults out', () => {
    const query = parseBrowseQuery('region=Africa&country=Nigeria&status=DRAFT&min=-5&max=1e9&sort=CHEAPEST');
    expect(query).toMatchObject({ region: '', country: '', status: '', minBudget: null, maxBudget: null, sort: 'NEWEST' });
    expect(browseSearch(query)).toBe('');
    expect(parseBrowseQuery('min=2000000000').minBudget).toBeNull();
  });

  it('keeps a zero bound, and reads an upside-down range the right way round', () => {
    expect(parseBrowseQuery('min=0').minBudget).toBe(0);
    expect(browseSearch({ minBudget: 0 })).toBe('?min=0');
    expect(parseBrowseQuery('min=900&max=100')).toMatchObject({ minBudget: 100, maxBudget: 900 });
  });

  it('becomes the API filter with only the conditions set', () => {
    expect(browseFilterOf(parseBrowseQuery(''))).toEqual({});
    expect(browseFilterOf(parseBrowseQuery('region=002&theme=CROSS_CUTTING&min=0&status=PARTLY_FUNDED'))).toEqual({
      region: '002',
      themeCodes: ['CROSS_CUTTING'],
      minBudgetUsd: 0,
      status: ['PARTLY_FUNDED'],
    });
  });
});

describe('the budget range as typed', () => {
  it('takes whole dollars with the reader’s group separators, an empty box as no bound', () => {
    expect(budgetRange({ min: '10,000', max: '' }, 'en', t)).toEqual({ minBudget: 10000, maxBudget: null, problems: [] });
    expect(budgetRange({ min: '', max: '250 000' }, 'fr', t)).toMatchObject({ maxBudget: 250000, problems: [] });
    expect(budgetRange({ min: '١٠٠', max: '' }, 'ar', t)).toMatchObject({ minBudget: 100, problems: [] });
  });

  it('names the field of each problem as the API does', () => {
    expect(budgetRange({ min: 'ten', max: '12.5' }, 'en', t).problems).toEqual([
      { field: 'filter.minBudgetUsd', message: 'browse.rule.wholeDollars' },
      { field: 'filter.maxBudgetUsd', message: 'browse.rule.wholeDollars' },
    ]);
    expect(budgetRange({ min: '-1', max: '1000000001' }, 'en', t).problems).toEqual([
      { field: 'filter.minBudgetUsd', message: 'browse.rule.negative' },
      { field: 'filter.maxBudgetUsd', message: 'browse.rule.tooLarge' },
    ]);
    expect(budgetRange({ min: '500', max: '499' }, 'en', t).problems).toEqual([
      { field: 'filter.maxBudgetUsd', message: 'browse.rule.maxBelowMin' },
    ]);
    expect(budgetRange({ min: '500', max: '500' }, 'en', t).problems).toEqual([]);
  });
});
