import { graphql } from '../../../graphql';

export const InboxQuery = graphql(`
  query DispatchInbox($first: Int, $after: String) {
    needDispatches(filter: { status: PENDING }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          note
          createdAt
          resource {
            title
          }
          project {
            id
            title
          }
          need {
            id
            title
            description
            category
            urgency
            urgencyLabel
            community {
              name
            }
            grid {
              name
            }
            photos {
              filename
              url
            }
          }
        }
      }
    }
  }
`);

export const DispatchRespondMutation = graphql(`
  mutation NeedDispatchRespond($input: NeedDispatchRespondInput!) {
    needDispatchRespond(input: $input) {
      project {
        id
        title
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
