import { graphql } from '../../graphql';

export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    myUnreadNotificationCount
  }
`);
