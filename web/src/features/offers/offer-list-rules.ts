import type { OfferStatus } from '../../gql/enums';
import { donorOf } from '../../ui/donor-choice';

export const OFFER_STATUSES: OfferStatus[] = ['DRAFT', 'OPEN', 'EXHAUSTED', 'CLOSED', 'WITHDRAWN'];
export const OFFER_PAGE_SIZE = 20;

/** What the list shows, as kept in the address so a view can be bookmarked, shared and reloaded. */
export interface OfferListQuery {
  donor: string;
  status: OfferStatus | '';
  theme: string;
  after: string;
}

/**
 * Reads the address's query. A donor always sees its own offers (the API also lists other donors'
 * published offers, which are not theirs to manage); the Secretariat picks the donor (`?donor=<id>`).
 */
export function parseOfferListQuery(search: string, actor: { ownDonor: string | null; actsForOthers: boolean }): OfferListQuery {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? '';
  return {
    donor: donorOf(params, actor),
    status: (OFFER_STATUSES as string[]).includes(status) ? (status as OfferStatus) : '',
    theme: (params.get('theme') ?? '').trim(),
    after: params.get('after') ?? '',
  };
}

/** The address of a list view; defaults are left out, and a donor's own organisation is implied. */
export function offerListSearch(query: Partial<OfferListQuery>, actsForOthers: boolean): string {
  const params = new URLSearchParams();
  if (actsForOthers && query.donor) params.set('donor', query.donor);
  if (query.status) params.set('status', query.status);
  if (query.theme) params.set('theme', query.theme);
  if (query.after) params.set('after', query.after);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API's OfferFilter for a view. */
export function offerFilterOf(query: OfferListQuery) {
  return {
    ...(query.donor ? { donorId: query.donor } : {}),
    ...(query.status ? { status: [query.status] } : {}),
    ...(query.theme ? { themeCodes: [query.theme] } : {}),
  };
}
