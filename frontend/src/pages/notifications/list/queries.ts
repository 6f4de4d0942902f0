import { graphql } from '../../../graphql';

export const MyNotificationsQuery = graphql(`
  query MyNotifications($unreadOnly: Boolean!, $first: Int, $after: String) {
    myUnreadNotificationCount
    myNotifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          title
          body
          link
          isRead
          createdAt
        }
      }
    }
  }
`);

export const NotificationsMarkReadMutation = graphql(`
  mutation NotificationsMarkRead($input: NotificationsMarkReadInput!) {
    notificationsMarkRead(input: $input) {
      unreadCount
    }
  }
`);
