// Menu, route and button visibility, in the manner of Ant Design Pro's src/access.ts. The flags
// are computed by the server from the rules behind each page and action (`me.access`, see
// backend/accounts/access.py), so the SPA never re-derives them from roles; what a viewer may
// do with one object is that object's `viewerCan…` field. A page whose query is refused still
// shows the same 403 result.
import type { CurrentUserFragment } from './graphql/graphql';

export type CurrentUser = CurrentUserFragment;

export type Access = CurrentUserFragment['access'];

export type AccessKey = keyof Access;

const NOTHING: Access = {
  canReadOrganisations: false,
  canReadUnits: false,
  canReadMembers: false,
  canReadVolunteering: false,
  canReadCobuilding: false,
  canReadNeeds: false,
  canHandleNeeds: false,
  canAnswerDispatches: false,
  canPublishResources: false,
  canManageVolunteering: false,
  canReadMeetings: false,
  canManageMeetings: false,
  canReadEvaluations: false,
  canAdmin: false,
  canManageTokens: false,
  canReadAuditLog: false,
};

export default function access(currentUser?: CurrentUser | null): Access {
  return currentUser?.access ?? NOTHING;
}
