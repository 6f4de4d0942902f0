import { graphql } from '../../../graphql';

export const AuditLogQuery = graphql(`
  query AuditLog($first: Int, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          occurredAt
          actor
          action
          objectType
          objectId
          ip
          requestId
          changes
        }
      }
    }
  }
`);
