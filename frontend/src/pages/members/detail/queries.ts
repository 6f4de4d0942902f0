import { graphql } from '../../../graphql';

export const CommitteeMemberDetailQuery = graphql(`
  query CommitteeMemberDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on CommitteeMembership {
        title
        termStart
        termEnd
        isActive
        roles
        roleLabels
        person {
          id
          name
          genderLabel
          mobile
          isPartyMember
        }
        unit {
          id
          name
          kindLabel
        }
        community {
          id
          name
        }
      }
    }
  }
`);
