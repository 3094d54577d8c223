import { graphql } from '../../gql';
import type { MatchingWeightsFieldsFragment } from '../../gql/graphql';
import { FACTORS, type Weights } from './weights-rules';

/** One flat selection of the eight weights, for the defaults, the runs list and one run. */
export const MATCHING_WEIGHTS_FIELDS = graphql(`
  fragment MatchingWeightsFields on MatchingWeights {
    theme
    region
    capacity
    ownership
    gender
    baseline
    multiYear
    conflict
  }
`);

export const DefaultWeightsQuery = graphql(`
  query DefaultMatchingWeights {
    defaultMatchingWeights {
      ...MatchingWeightsFields
    }
  }
`);

// The page size is written out so the API's cost limit prices the list at what it asks for.
export const MatchingRunsQuery = graphql(`
  query MatchingRuns($after: String) {
    matchingRuns(first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          createdAt
          status
          pairsScored
          matchesUpserted
          durationMs
          startedBy {
            id
            email
          }
          weights {
            ...MatchingWeightsFields
          }
        }
      }
    }
  }
`);

export const MatchingRunQuery = graphql(`
  query MatchingRun($id: ID!) {
    matchingRun(id: $id) {
      id
      status
      createdAt
      startedAt
      finishedAt
      pairsScored
      matchesUpserted
      durationMs
      error
      startedBy {
        id
        email
      }
      weights {
        ...MatchingWeightsFields
      }
    }
  }
`);

export const StartMatchingRunMutation = graphql(`
  mutation StartMatchingRun($weights: MatchingWeightsInput) {
    startMatchingRun(weights: $weights) {
      id
      status
    }
  }
`);

export function weightsOf(fields: MatchingWeightsFieldsFragment): Weights {
  return Object.fromEntries(FACTORS.map((factor) => [factor, fields[factor]])) as Weights;
}
