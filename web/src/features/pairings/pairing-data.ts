import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type Client, type CombinedError, type OperationResult } from 'urql';
import { graphql } from '../../gql';
import type { MatchFilter, PairingFieldsFragment, PairingsQuery as PairingsQueryResult } from '../../gql/graphql';

export type Pairing = PairingFieldsFragment;

graphql(`
  fragment PairingFields on Match {
    id
    status
    version
    allocatedUsd
    explanation
    reasons {
      ...MatchReasonsFields
    }
    updatedAt
    need {
      id
      title
      country {
        iso2
        name
      }
    }
    offer {
      id
      title
      donor {
        id
        name
      }
    }
    progressReports {
      id
      periodEnd
      createdAt
      disbursedUsd
      narrative
      completed
    }
  }
`);

const PairingsQuery = graphql(`
  query Pairings($filter: MatchFilter!, $first: Int!, $after: String) {
    matches(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          ...PairingFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PairingQuery = graphql(`
  query Pairing($id: ID!) {
    match(id: $id) {
      ...PairingFields
    }
  }
`);

/** Half the API's largest page: each pairing brings its progress reports, and a page of 100 would be over the query cost limit. */
const PAGE_SIZE = 50;
/** A state has a few dozen pairings at most; the cap only stops a runaway loop. */
const MAX_PAGES = 50;

/** Every pairing the filter selects, all pages, fresh from the API: a state sees all its pairings at once. */
export async function fetchPairings(client: Client, filter: MatchFilter): Promise<Pairing[]> {
  const found: Pairing[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result: OperationResult<PairingsQueryResult> = await client
      .query(PairingsQuery, { filter, first: PAGE_SIZE, after }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error) throw result.error;
    const connection = result.data!.matches;
    found.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    after = connection.pageInfo.endCursor;
  }
  return found;
}

/** The pairing as it stands now (after a refused decision, say), or null when the reader may no longer see it. */
export async function currentPairing(client: Client, id: string): Promise<Pairing | null> {
  const result = await client.query(PairingQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
  if (result.error) {
    if (result.error.graphQLErrors.some((error) => error.extensions?.code === 'NOT_FOUND')) return null;
    throw result.error;
  }
  return result.data!.match;
}

/** As the API: the statuses a pairing has once the state has consented, reported on or not. */
export const CONSENTED_STATUSES: NonNullable<MatchFilter['status']> = ['CONFIRMED', 'ACTIVE', 'COMPLETED'];

export interface Loaded<T> {
  data: T | undefined;
  error: CombinedError | null;
  /** Loads again; resolves with the fresh data (undefined when that failed). */
  reload: () => Promise<T | undefined>;
}

/** Data loaded through `load` on mount and again on `reload`, the previous data kept while a reload runs or fails. */
function useLoaded<T>(load: (client: Client) => Promise<T>, key: string): Loaded<T> {
  const client = useClient();
  const [state, setState] = useState<{ key: string; data: T | undefined; error: CombinedError | null }>({
    key,
    data: undefined,
    error: null,
  });
  // `load` is a new closure on each render; the key says when what it loads has changed.
  const latest = useRef(load);
  latest.current = load;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Only the latest load may write: an earlier one finishing late would show stale pairings.
  const sequence = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++sequence.current;
    const current = () => mounted.current && mine === sequence.current;
    try {
      const data = await latest.current(client);
      if (current()) setState({ key, data, error: null });
      return data;
    } catch (error) {
      if (current()) setState((previous) => ({ ...previous, key, error: error as CombinedError }));
      return undefined;
    }
  }, [client, key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data: state.key === key ? state.data : undefined, error: state.key === key ? state.error : null, reload };
}

/** Every pairing of the reader's in the given statuses (the API scopes a state to its own needs). */
export function usePairings(statuses: NonNullable<MatchFilter['status']>): Loaded<Pairing[]> {
  return useLoaded((client) => fetchPairings(client, { status: statuses }), statuses.join(','));
}

/** One pairing the state has consented to, or null when there is none by that id it may see. */
export function useConsentedPairing(id: string): Loaded<Pairing | null> {
  return useLoaded(async (client) => {
    const pairing = await currentPairing(client, id);
    return pairing && CONSENTED_STATUSES.includes(pairing.status) ? pairing : null;
  }, id);
}

export const ConfirmMatchMutation = graphql(`
  mutation ConfirmMatch($id: ID!) {
    confirmMatch(id: $id) {
      id
      status
      version
    }
  }
`);

export const DeclineMatchMutation = graphql(`
  mutation DeclineMatch($id: ID!, $reason: String!) {
    declineMatch(id: $id, reason: $reason) {
      id
      status
      version
    }
  }
`);

export const AddProgressReportMutation = graphql(`
  mutation AddProgressReport($matchId: ID!, $input: ProgressReportInput!) {
    addProgressReport(matchId: $matchId, input: $input) {
      id
      completed
      match {
        id
        status
        version
      }
    }
  }
`);
