import { graphql } from '../../../graphql';

export const EvaluationListQuery = graphql(`
  query EvaluationList($first: Int, $after: String, $filter: EvaluationFilter) {
    evaluations(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          periodLabel
          subjectLabel
          totalScore
          grade
          gradeLabel
          community {
            id
            name
          }
          unit {
            id
            name
          }
          membership {
            id
            person {
              id
              name
            }
          }
        }
      }
    }
  }
`);
