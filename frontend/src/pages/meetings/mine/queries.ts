import { graphql } from '../../../graphql';

export const MyActionItemsQuery = graphql(`
  query MyActionItems {
    myActionItems(includeVerified: true, first: 100) {
      totalCount
      nodes {
        ...ActionItemCard
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
