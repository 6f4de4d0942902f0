import { graphql } from '../../../graphql';

export const TeamDetailFragment = graphql(`
  fragment TeamDetail on VolunteerTeam {
    id
    name
    description
    foundedOn
    archivedAt
    skills
    memberCount
    totalServiceMinutes
    viewerCanManage
    community {
      id
      name
    }
    leader {
      id
      name
    }
    sponsorOrganisation {
      id
      name
    }
    sponsorUnit {
      id
      name
    }
    members {
      role
      roleLabel
      joinedOn
      person {
        id
        name
      }
    }
  }
`);

export const TeamDetailQuery = graphql(`
  query TeamDetailPage($id: ID!) {
    node(id: $id) {
      ... on VolunteerTeam {
        ...TeamDetail
      }
    }
  }
`);

export const TeamServiceRecordsQuery = graphql(`
  query TeamServiceRecords($team: ID!, $first: Int, $after: String) {
    serviceRecords(filter: { team: $team }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          description
          startedAt
          hours
          points
          person {
            id
            name
          }
        }
      }
    }
  }
`);

export const TeamPersonSearchQuery = graphql(`
  query TeamPersonSearch($search: String!) {
    people(filter: { search: $search }, first: 20) {
      nodes {
        id
        name
        community {
          name
        }
      }
    }
  }
`);

export const TeamMemberAddMutation = graphql(`
  mutation VolunteerTeamMemberAdd($input: VolunteerTeamMemberInput!) {
    volunteerTeamMemberAdd(input: $input) {
      team {
        ...TeamDetail
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const TeamMemberRemoveMutation = graphql(`
  mutation VolunteerTeamMemberRemove($input: VolunteerTeamMemberInput!) {
    volunteerTeamMemberRemove(input: $input) {
      team {
        ...TeamDetail
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
