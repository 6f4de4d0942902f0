import { graphql } from '../../../graphql';

export const MyActionItemsQuery = graphql(`
  query MyActionItems($first: Int, $after: String) {
    myActionItems(includeVerified: true, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ActionItemCard
        }
      }
    }
  }
`);

/** Sent as a GraphQL multipart request (urql's fetchExchange does it when a variable holds files). */
export const ActionItemProgressMutation = graphql(`
  mutation ActionItemProgress($input: ActionItemProgressInput!) {
    actionItemProgress(input: $input) {
      actionItem {
        ...ActionItemCard
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
