import { graphql } from '../graphql';

/** Who is signed in: name, roles (with the organisation or unit each covers), what they may open
 * and do (computed by the server) and the CSRF token. */
export const CurrentUserFragment = graphql(`
  fragment CurrentUser on Me {
    id
    username
    displayName
    csrfToken
    roles {
      role
      roleLabel
      organisation {
        id
        name
      }
      unit {
        id
        name
      }
    }
    liaisonUnit {
      id
      name
    }
    access {
      canReadOrganisations
      canReadUnits
      canReadMembers
      canReadVolunteering
      canReadCobuilding
      canReadNeeds
      canHandleNeeds
      canAnswerDispatches
      canPublishResources
      canManageVolunteering
      canReadMeetings
      canManageMeetings
      canReadEvaluations
      canAdmin
      canManageTokens
      canReadAuditLog
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...CurrentUser
    }
  }
`);

export const SessionEndMutation = graphql(`
  mutation SessionEnd {
    sessionEnd {
      errors {
        field
        code
        message
      }
    }
  }
`);
