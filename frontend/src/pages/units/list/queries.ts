import { graphql } from '../../../graphql';

export const ResidentUnitListQuery = graphql(`
  query ResidentUnitList($first: Int, $after: String, $filter: ResidentUnitFilter) {
    residentUnits(first: $first, after: $after, filter: $filter) {
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
          address
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
          }
        }
      }
    }
  }
`);
