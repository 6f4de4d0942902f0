import { graphql } from '../../../graphql';

export const NeedListQuery = graphql(`
  query NeedList($first: Int, $after: String, $filter: NeedFilter) {
    needs(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          category
          status
          statusLabel
          urgencyLabel
          sourceLabel
          raisedAt
          community {
            id
            name
          }
        }
      }
    }
  }
`);
