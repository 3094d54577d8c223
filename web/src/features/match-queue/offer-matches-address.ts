import type { MatchFilter } from '../../gql/graphql';
import type { MatchStatus } from '../../gql/enums';
import { donorOf } from '../../ui/donor-choice';
import { MATCH_STATUS_LABELS } from '../../ui/enum-labels';

const STATUSES = Object.keys(MATCH_STATUS_LABELS) as MatchStatus[];

/** The matches of a donor's offers as the address says (`/offer-matches?donor=…&offer=…&status=…`). */
export interface OfferMatchesQuery {
  /** The donor whose offers these are: the reader's own, or the one the Secretariat chose ('' until then). */
  donor: string;
  /** One offer's matches only (a link from the offer's page leads here). */
  offer: string;
  status: MatchStatus | '';
}

export function parseOfferMatchesQuery(search: string, actor: { ownDonor: string | null; actsForOthers: boolean }): OfferMatchesQuery {
  const params = new URLSearchParams(search);
  return {
    donor: donorOf(params, actor),
    offer: (params.get('offer') ?? '').trim(),
    status: STATUSES.find((value) => value === params.get('status')) ?? '',
  };
}

/** The address of a view of the matches; a donor's own organisation is implied, the Secretariat's choice is kept. */
export function offerMatchesPath(query: Partial<OfferMatchesQuery>, actsForOthers: boolean): string {
  const params = new URLSearchParams();
  if (actsForOthers && query.donor) params.set('donor', query.donor);
  if (query.offer) params.set('offer', query.offer);
  if (query.status) params.set('status', query.status);
  const text = params.toString();
  return `/offer-matches${text ? `?${text}` : ''}`;
}

/**
 * The API's filter. A donor's list is its own offers' by the API's rule; the Secretariat's names the
 * donor it chose.
 */
export function offerMatchesFilterOf(query: OfferMatchesQuery, actsForOthers: boolean): MatchFilter {
  return {
    ...(actsForOthers && query.donor ? { donorId: query.donor } : {}),
    ...(query.offer ? { offerId: query.offer } : {}),
    ...(query.status ? { status: [query.status] } : {}),
  };
}
