import { graphql } from '../../../graphql';

export const JointMeetingListQuery = graphql(`
  query JointMeetingList($first: Int, $after: String, $filter: JointMeetingFilter) {
    jointMeetings(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          kindLabel
          startsAt
          venue
          status
          statusLabel
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);
