import { graphql } from '../../gql';

/** What a match card shows (`MatchSummary`), asked for by both lists. */
export const MATCH_CARD_FIELDS = graphql(`
  fragment MatchCard on Match {
    id
    score
    status
    explanation
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
  }
`);

/** The card, and what an approval is checked against: the version decided on, the need's gap, the offer's capacity and grant limits. */
export const QUEUE_MATCH_FIELDS = graphql(`
  fragment QueueMatch on Match {
    ...MatchCard
    version
    need {
      id
      status
      estimatedBudgetUsd
      fundedUsd
    }
    offer {
      id
      status
      remainingCapacityUsd
      minGrantUsd
      maxGrantUsd
    }
  }
`);
