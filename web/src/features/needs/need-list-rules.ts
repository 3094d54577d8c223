import type { NeedStatus } from '../../gql/enums';

export const NEED_STATUSES: NeedStatus[] = ['DRAFT', 'OPEN', 'PARTLY_FUNDED', 'STALE', 'FUNDED', 'CLOSED', 'WITHDRAWN'];
export const DEFAULT_PAGE_SIZE = 20;
/** The API's largest page; a longer list is walked page by page. */
export const MAX_PAGE_SIZE = 100;
/** The page sizes a reader can choose; `all` walks the API's pages of 100 and shows them as one list. */
export const PAGE_SIZES = [DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, 'all'] as const;
export type PageSize = number | 'all';
/** Where "all" stops, so a list of every state's needs cannot grow without bound; the caption still gives the total. */
export const ALL_ROWS_LIMIT = 2_000;

/** What the list shows, as kept in the address so a view can be bookmarked, shared and reloaded. */
export interface NeedListQuery {
  country: string;
  status: NeedStatus | '';
  theme: string;
  search: string;
  after: string;
  first: PageSize;
}

/**
 * Reads the address's query. A state always sees its own country's needs (the API also lists other
 * states' public needs, which are not theirs to manage); the Secretariat picks the country (`?country=NGA`).
 */
export function parseNeedListQuery(search: string, actor: { ownCountry: string | null; actsForOthers: boolean }): NeedListQuery {
  const params = new URLSearchParams(search);
  const requested = (params.get('country') ?? '').trim().toUpperCase();
  const country = actor.actsForOthers ? (/^[A-Z]{3}$/.test(requested) ? requested : '') : (actor.ownCountry ?? '');
  const status = params.get('status') ?? '';
  const requestedSize = params.get('first');
  const first = Number(requestedSize);
  return {
    country,
    status: (NEED_STATUSES as string[]).includes(status) ? (status as NeedStatus) : '',
    theme: (params.get('theme') ?? '').trim(),
    search: (params.get('q') ?? '').trim().slice(0, 200),
    after: params.get('after') ?? '',
    first: requestedSize === 'all' ? 'all' : Number.isInteger(first) && first >= 1 ? Math.min(first, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE,
  };
}

/** The address of a list view; defaults are left out. A state's own country is implied, so it is not written. */
export function needListSearch(query: Partial<NeedListQuery>, actsForOthers: boolean): string {
  const params = new URLSearchParams();
  if (actsForOthers && query.country) params.set('country', query.country);
  if (query.status) params.set('status', query.status);
  if (query.theme) params.set('theme', query.theme);
  if (query.search) params.set('q', query.search);
  if (query.first && query.first !== DEFAULT_PAGE_SIZE) params.set('first', String(query.first));
  if (query.after) params.set('after', query.after);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API's NeedFilter for a view. */
export function needFilterOf(query: NeedListQuery) {
  return {
    ...(query.country ? { countryIso3: query.country } : {}),
    ...(query.status ? { status: [query.status] } : {}),
    ...(query.theme ? { themeCodes: [query.theme] } : {}),
    ...(query.search ? { search: query.search } : {}),
  };
}
