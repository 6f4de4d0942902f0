import { graphql } from '../../../graphql';

export const OrganisationTreeQuery = graphql(`
  query OrganisationTree($first: Int!, $after: String) {
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
          parent {
            id
          }
        }
      }
    }
  }
`);

export const OrganisationDetailQuery = graphql(`
  query OrganisationDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Organisation {
        name
        kind
        kindLabel
        address
        secretaryName
        unitCount
        gridCount
        parent {
          id
          name
        }
        grids(first: 50) {
          totalCount
          edges {
            node {
              id
              name
              households
            }
          }
        }
        residentUnits(first: 10) {
          totalCount
          edges {
            node {
              id
              name
              kindLabel
            }
          }
        }
      }
    }
  }
`);
