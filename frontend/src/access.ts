// Menu and route visibility from the signed-in user's roles, in the manner of Ant Design Pro's
// src/access.ts. It mirrors the API's rules (which root fields each role may read); the API
// still decides, and a page whose query is refused shows the same 403 result.
import type { CurrentUserFragment, Role } from './graphql/graphql';

export type CurrentUser = CurrentUserFragment;

export interface Access {
  canReadOrganisations: boolean;
  canReadUnits: boolean;
  canReadMembers: boolean;
  canReadVolunteering: boolean;
  canReadCobuilding: boolean;
  canReadNeeds: boolean;
  canHandleNeeds: boolean;
  canAnswerDispatches: boolean;
  canPublishResources: boolean;
  canManageVolunteering: boolean;
  canReadMeetings: boolean;
  canManageMeetings: boolean;
  canReadEvaluations: boolean;
  canAdmin: boolean;
  canManageTokens: boolean;
  canReadAuditLog: boolean;
}

export type AccessKey = keyof Access;

const ALL_ROLES: readonly Role[] = [
  'STREET_ADMIN',
  'CONVENER',
  'VOLUNTEER_COORDINATOR',
  'UNIT_LIAISON',
  'COMMITTEE_MEMBER',
];
const allBut = (...excluded: Role[]): readonly Role[] => ALL_ROLES.filter((r) => !excluded.includes(r));

/** The roles that may read what each flag guards (the root fields the page queries). */
const READERS: Record<AccessKey, readonly Role[]> = {
  // organisations, grids
  canReadOrganisations: allBut('UNIT_LIAISON'),
  // residentUnits (a liaison sees only its own unit)
  canReadUnits: ALL_ROLES,
  // committeeMembers
  canReadMembers: ALL_ROLES,
  // volunteerTeams, serviceRecords
  canReadVolunteering: allBut('UNIT_LIAISON'),
  // resources, projects, microWishes (a liaison: its own unit's, and its community's wishes)
  canReadCobuilding: ALL_ROLES,
  // needs
  canReadNeeds: allBut('UNIT_LIAISON'),
  // needTriage, needSuggestions, needDispatch, needSolve, needClose, microWishConfirm
  canHandleNeeds: ['STREET_ADMIN', 'CONVENER', 'VOLUNTEER_COORDINATOR'],
  // needDispatchRespond
  canAnswerDispatches: ['UNIT_LIAISON'],
  // resourcePublish, resourceUpdate
  canPublishResources: ['STREET_ADMIN', 'CONVENER', 'VOLUNTEER_COORDINATOR', 'UNIT_LIAISON'],
  // volunteerActivityCreate, check-in for others, serviceRecord*, pointsRedeem, volunteerTeam*
  canManageVolunteering: ['STREET_ADMIN', 'VOLUNTEER_COORDINATOR'],
  // jointMeetings, actionItems, proposals, proposalSubmit
  canReadMeetings: ALL_ROLES,
  // jointMeetingCreate, agendaCandidates, agenda*, jointMeetingPublish, proposalTriage
  canManageMeetings: ['STREET_ADMIN', 'CONVENER'],
  // evaluations
  canReadEvaluations: allBut('COMMITTEE_MEMBER'),
  canAdmin: ['STREET_ADMIN'],
  // apiTokens, apiTokenCreate, apiTokenRevoke
  canManageTokens: ['STREET_ADMIN'],
  // auditLog
  canReadAuditLog: ['STREET_ADMIN'],
};

export default function access(currentUser?: CurrentUser | null): Access {
  const roles = new Set<Role>((currentUser?.roles ?? []).map((g) => g.role));
  const flags = {} as Access;
  for (const key of Object.keys(READERS) as AccessKey[]) {
    flags[key] = READERS[key].some((role) => roles.has(role));
  }
  return flags;
}

/** The one unit of a user who is only a unit liaison; null for everyone else. */
export function liaisonUnitId(currentUser: CurrentUser | null | undefined): string | null {
  const grants = currentUser?.roles ?? [];
  if (grants.length === 0 || grants.some((g) => g.role !== 'UNIT_LIAISON')) return null;
  const units = new Set(grants.map((g) => g.unit?.id).filter((id): id is string => Boolean(id)));
  return units.size === 1 ? [...units][0] : null;
}
