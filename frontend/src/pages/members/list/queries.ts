import { graphql } from '../../../graphql';

export const CommitteeMemberListQuery = graphql(`
  query CommitteeMemberList($first: Int, $after: String, $filter: CommitteeMemberFilter) {
    committeeMembers(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          termStart
          termEnd
          isActive
          roles
          roleLabels
          person {
            id
            name
            genderLabel
          }
          unit {
            id
            name
          }
          community {
            id
            name
          }
        }
      }
    }
  }
`);
