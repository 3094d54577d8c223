import { graphql } from '../../gql';

// The page size is written out so the API's cost limit prices the list at what it asks for.
export const AllocationPlansQuery = graphql(`
  query AllocationPlans($after: String) {
    allocationPlans(first: 20, after: $after) {
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
          solveStatus
          objective
          greedyObjective
          allocatedUsd
          candidateCount
        }
      }
    }
  }
`);

export const AllocationPlanQuery = graphql(`
  query AllocationPlan($id: ID!) {
    allocationPlan(id: $id) {
      id
      status
      createdAt
      finishedAt
      appliedAt
      solveStatus
      objective
      greedyObjective
      upperBound
      solveMillis
      candidateCount
      allocatedUsd
      message
      options {
        minRegionShare
        maxCountryShare
        maxCountryUsd
        timeLimitSeconds
      }
      allocations {
        matchId
        allocatedUsd
        score
        match {
          id
          status
          need {
            id
            title
            country {
              iso2
              name
              region {
                code
                name
              }
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
      }
    }
  }
`);

export const ProposeAllocationMutation = graphql(`
  mutation ProposeAllocation($input: ProposeAllocationInput) {
    proposeAllocation(input: $input) {
      id
      status
    }
  }
`);

export const ApplyAllocationPlanMutation = graphql(`
  mutation ApplyAllocationPlan($id: ID!) {
    applyAllocationPlan(id: $id) {
      id
      status
      appliedAt
      allocations {
        matchId
        match {
          id
          status
        }
      }
    }
  }
`);
