import { graphql } from '../../../graphql';

export const VolunteerTeamListQuery = graphql(`
  query VolunteerTeamList($first: Int, $after: String, $filter: VolunteerTeamFilter) {
    volunteerTeams(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          skills
          foundedOn
          memberCount
          community {
            id
            name
          }
          leader {
            id
            name
          }
        }
      }
    }
  }
`);
