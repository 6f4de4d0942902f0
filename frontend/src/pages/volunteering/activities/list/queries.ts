import { graphql } from '../../../../graphql';

export const ActivityListQuery = graphql(`
  query ActivityList($filter: VolunteerActivityFilter, $first: Int, $after: String) {
    volunteerActivities(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          place
          startsAt
          endsAt
          slots
          placesLeft
          status
          statusLabel
          requiredSkills
          community {
            name
          }
          team {
            name
          }
          project {
            id
            title
          }
        }
      }
    }
  }
`);

export const ActivityTeamsQuery = graphql(`
  query ActivityTeams($filter: VolunteerTeamFilter, $first: Int!, $after: String) {
    volunteerTeams(filter: $filter, first: $first, after: $after) {
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

export const ActivityCreateMutation = graphql(`
  mutation VolunteerActivityCreate($input: VolunteerActivityCreateInput!) {
    volunteerActivityCreate(input: $input) {
      activity {
        id
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
