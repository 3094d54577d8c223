import { graphql } from '../../gql';

/**
 * What a match card shows (`MatchSummary`), and what an approval is checked against: the version
 * decided on, the need's gap, the offer's capacity and grant limits. One flat fragment, as the API
 * prices a selection repeated through nested fragments once per repetition.
 */
export const MATCH_CARD_FIELDS = graphql(`
  fragment MatchCard on Match {
    id
    score
    status
    version
    explanation
    reasons {
      ...MatchReasonsFields
    }
    allocatedUsd
    breakdown {
      theme
      region
      capacity
      ownership
      gender
      baseline
      multiYear
      conflict
    }
    need {
      id
      title
      status
      estimatedBudgetUsd
      fundedUsd
      fundedElsewhereUsd
      fundingGapUsd
      country {
        iso2
        name
      }
    }
    offer {
      id
      title
      status
      remainingCapacityUsd
      minGrantUsd
      maxGrantUsd
      donor {
        id
        name
      }
    }
  }
`);
