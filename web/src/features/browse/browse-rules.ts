import type { NeedSort, NeedStatus } from '../../gql/enums';
import type { NeedFilter } from '../../gql/graphql';
import type { Translate } from '../../i18n/I18nProvider';
import type { Locale } from '../../i18n/locales';
import type { MessageId } from '../../i18n/message-ids';
import type { FormProblem } from '../../ui/api-errors';
import { MAX_AMOUNT_USD, parseWholeUsd } from '../pairings/progress-rules';

/** What a donor can see: never drafts (the API shows donors only published needs). */
export const BROWSE_STATUSES: NeedStatus[] = ['OPEN', 'PARTLY_FUNDED', 'FUNDED', 'CLOSED', 'WITHDRAWN'];

export const SORTS: NeedSort[] = ['NEWEST', 'BUDGET_HIGH_FIRST', 'BUDGET_LOW_FIRST', 'LEAST_FUNDED_FIRST'];
export const DEFAULT_SORT: NeedSort = 'NEWEST';

export const SORT_LABELS: Record<NeedSort, MessageId> = {
  NEWEST: 'browse.sort.NEWEST',
  BUDGET_HIGH_FIRST: 'browse.sort.BUDGET_HIGH_FIRST',
  BUDGET_LOW_FIRST: 'browse.sort.BUDGET_LOW_FIRST',
  LEAST_FUNDED_FIRST: 'browse.sort.LEAST_FUNDED_FIRST',
};

/** The form's fields, keyed as the API names them so its refusals land on the same fields. */
export const BROWSE_FIELDS = {
  minBudget: 'filter.minBudgetUsd',
  maxBudget: 'filter.maxBudgetUsd',
} as const;

/** What the list shows, as kept in the address so a view can be bookmarked, shared and reloaded. */
export interface BrowseQuery {
  region: string;
  country: string;
  theme: string;
  status: NeedStatus | '';
  /** Whole US dollars, or null for no bound. */
  minBudget: number | null;
  maxBudget: number | null;
  sort: NeedSort;
  after: string;
}

function bound(text: string | null): number | null {
  if (!text || !/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value <= MAX_AMOUNT_USD ? value : null;
}

/** Reads the address's query; anything malformed is dropped rather than sent for the API to refuse. */
export function parseBrowseQuery(search: string): BrowseQuery {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? '';
  const sort = params.get('sort') ?? '';
  const region = params.get('region') ?? '';
  const country = (params.get('country') ?? '').toUpperCase();
  let minBudget = bound(params.get('min'));
  let maxBudget = bound(params.get('max'));
  // An upside-down range in a hand-edited address is read the way it was meant.
  if (minBudget !== null && maxBudget !== null && maxBudget < minBudget) [minBudget, maxBudget] = [maxBudget, minBudget];
  return {
    region: /^\d{3}$/.test(region) ? region : '',
    country: /^[A-Z]{3}$/.test(country) ? country : '',
    theme: (params.get('theme') ?? '').trim(),
    status: (BROWSE_STATUSES as string[]).includes(status) ? (status as NeedStatus) : '',
    minBudget,
    maxBudget,
    sort: (SORTS as string[]).includes(sort) ? (sort as NeedSort) : DEFAULT_SORT,
    after: params.get('after') ?? '',
  };
}

/** The address of a view; defaults are left out. */
export function browseSearch(query: Partial<BrowseQuery>): string {
  const params = new URLSearchParams();
  if (query.region) params.set('region', query.region);
  if (query.country) params.set('country', query.country);
  if (query.theme) params.set('theme', query.theme);
  if (query.status) params.set('status', query.status);
  if (query.minBudget != null) params.set('min', String(query.minBudget));
  if (query.maxBudget != null) params.set('max', String(query.maxBudget));
  if (query.sort && query.sort !== DEFAULT_SORT) params.set('sort', query.sort);
  if (query.after) params.set('after', query.after);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API's NeedFilter for a view. */
export function browseFilterOf(query: BrowseQuery): NeedFilter {
  return {
    ...(query.region ? { region: query.region } : {}),
    ...(query.country ? { countryIso3: query.country } : {}),
    ...(query.theme ? { themeCodes: [query.theme] } : {}),
    ...(query.status ? { status: [query.status] } : {}),
    ...(query.minBudget !== null ? { minBudgetUsd: query.minBudget } : {}),
    ...(query.maxBudget !== null ? { maxBudgetUsd: query.maxBudget } : {}),
  };
}

/**
 * The budget range as typed, checked as the API checks it (`NeedFilter.minBudgetUsd/maxBudgetUsd`):
 * whole dollars from 0 to the API's ceiling, the maximum not below the minimum. An empty box is no bound.
 */
export function budgetRange(
  text: { min: string; max: string },
  locale: Locale,
  t: Translate,
): { minBudget: number | null; maxBudget: number | null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const read = (value: string, field: string): number | null => {
    if (!value.trim()) return null;
    const amount = parseWholeUsd(value, locale);
    if (amount === null) problems.push({ field, message: t('browse.rule.wholeDollars') });
    else if (amount < 0) problems.push({ field, message: t('browse.rule.negative') });
    else if (amount > MAX_AMOUNT_USD) problems.push({ field, message: t('browse.rule.tooLarge') });
    else return amount;
    return null;
  };
  const minBudget = read(text.min, BROWSE_FIELDS.minBudget);
  const maxBudget = read(text.max, BROWSE_FIELDS.maxBudget);
  if (minBudget !== null && maxBudget !== null && maxBudget < minBudget) {
    problems.push({ field: BROWSE_FIELDS.maxBudget, message: t('browse.rule.maxBelowMin') });
  }
  return { minBudget, maxBudget, problems };
}
