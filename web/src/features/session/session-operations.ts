import { graphql } from '../../gql';

/** What a session starts from (sessionFromLogin), as both a sign-in and a password change answer it. */
export const SESSION_START_FIELDS = graphql(`
  fragment SessionStart on LoginResult {
    accessToken
    expiresIn
    passwordChangeRequired
    user {
      id
      email
      role
      country {
        iso3
        iso2
        name
      }
      donor {
        id
        name
      }
    }
  }
`);
