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
          actionLabel
          objectKind
          objectId
          objectName
          objectGlobalId
          ip
          requestId
          changeList {
            field
            label
            before
            after
          }
        }
      }
    }
  }
`);

/** The actions and object kinds the filters suggest, by their Chinese names (from the API). */
export const AuditVocabularyQuery = graphql(`
  query AuditVocabulary {
    auditVocabulary {
      actions {
        value
        label
      }
      objectTypes {
        value
        label
      }
    }
  }
`);
