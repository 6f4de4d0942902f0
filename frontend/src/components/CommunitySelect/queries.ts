import { graphql } from '../../graphql';

export const CommunityOptionsQuery = graphql(`
  query CommunityOptions($first: Int!, $after: String) {
    organisations(first: $first, after: $after, filter: { kind: COMMUNITY_COMMITTEE }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
