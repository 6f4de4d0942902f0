import { graphql } from '../../../graphql';

export const ResidentUnitDetailQuery = graphql(`
  query ResidentUnitDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on ResidentUnit {
        name
        kind
        kindLabel
        address
        phone
        partyOrganisationName
        partyMemberCount
        community {
          id
          name
        }
        grid {
          id
          name
        }
        liaison {
          id
          name
          mobile
        }
        agreements {
          id
          title
          signedOn
          startsOn
          endsOn
          status
          statusLabel
          community {
            id
            name
          }
          commitments {
            position
            category
            description
            quantity
            unitOfMeasure
          }
        }
        registrations {
          id
          kind
          kindLabel
          registeredOn
          status
          statusLabel
          community {
            id
            name
          }
        }
        committeeMembers {
          id
          termStart
          termEnd
          isActive
          roles
          roleLabels
          person {
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
