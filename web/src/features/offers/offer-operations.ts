import { graphql } from '../../gql';

/** Everything the edit page shows and the form holds, read again after each change and on a conflict. */
export const OfferEditFields = graphql(`
  fragment OfferEditFields on Offer {
    id
    version
    status
    title
    description
    assistanceTypes
    global
    capacityUsd
    remainingCapacityUsd
    minGrantUsd
    maxGrantUsd
    startDate
    endDate
    inKindQuantity
    inKindUnit
    modality
    requiresGenderComponent
    conditions
    updatedAt
    donor {
      id
      name
    }
    themes {
      code
    }
    eligibleRegions {
      code
    }
    eligibleCountries {
      iso3
    }
  }
`);

export const OfferForEditQuery = graphql(`
  query OfferForEdit($id: ID!) {
    offer(id: $id) {
      ...OfferEditFields
    }
  }
`);

export const CreateOfferMutation = graphql(`
  mutation CreateOfferFromConsole($input: CreateOfferInput!) {
    createOffer(input: $input) {
      ...OfferEditFields
    }
  }
`);

export const SaveOfferMutation = graphql(`
  mutation SaveOffer($id: ID!, $input: UpdateOfferInput!, $expectedVersion: Int) {
    updateOffer(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...OfferEditFields
    }
  }
`);

export const PublishOfferMutation = graphql(`
  mutation PublishOfferFromConsole($id: ID!, $expectedVersion: Int) {
    publishOffer(id: $id, expectedVersion: $expectedVersion) {
      ...OfferEditFields
    }
  }
`);

export const WithdrawOfferMutation = graphql(`
  mutation WithdrawOfferFromConsole($id: ID!, $reason: String!, $expectedVersion: Int) {
    withdrawOffer(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      ...OfferEditFields
    }
  }
`);
