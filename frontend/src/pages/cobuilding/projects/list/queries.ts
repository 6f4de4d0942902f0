import { graphql } from '../../../../graphql';

export const ProjectListQuery = graphql(`
  query ProjectList($filter: ProjectFilter, $first: Int, $after: String) {
    projects(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          isLate
          effectiveStatusLabel
          budget
          spent
          startsOn
          endsOn
          community {
            name
          }
          leadUnit {
            name
          }
          milestones {
            id
            doneOn
          }
        }
      }
    }
  }
`);
