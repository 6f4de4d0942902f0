import { graphql } from '../../../graphql';

export const ApiTokenListQuery = graphql(`
  query ApiTokenList($first: Int, $after: String, $includeRevoked: Boolean!) {
    apiTokens(first: $first, after: $after, includeRevoked: $includeRevoked) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          prefix
          scopes
          expiresAt
          revokedAt
          lastUsedAt
          lastUsedIp
          createdAt
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);

/** Every organisation a token may be limited to (the street, communities, grids, others). */
export const TokenOrganisationOptionsQuery = graphql(`
  query TokenOrganisationOptions($first: Int!, $after: String) {
    organisations(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          kind
          kindLabel
        }
      }
    }
  }
`);

export const ApiTokenCreateMutation = graphql(`
  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {
    apiTokenCreate(input: $input) {
      apiToken {
        id
        name
      }
      secret
      errors {
        field
        code
        message
      }
    }
  }
`);

export const ApiTokenRevokeMutation = graphql(`
  mutation ApiTokenRevoke($id: ID!) {
    apiTokenRevoke(id: $id) {
      apiToken {
        id
        revokedAt
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
