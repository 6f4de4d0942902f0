// Menu and route visibility, in the manner of Ant Design Pro's src/access.ts.
// Sign-in arrives in a later issue; until then every area is visible.

export interface CurrentUser {
  id: string;
  name: string;
  scopes: string[];
}

export interface Access {
  canReadOrganisations: boolean;
  canReadUnits: boolean;
  canReadMembers: boolean;
  canReadVolunteering: boolean;
  canReadCobuilding: boolean;
  canReadMeetings: boolean;
  canReadEvaluations: boolean;
}

export type AccessKey = keyof Access;

export default function access(currentUser?: CurrentUser | null): Access {
  void currentUser;
  return {
    canReadOrganisations: true,
    canReadUnits: true,
    canReadMembers: true,
    canReadVolunteering: true,
    canReadCobuilding: true,
    canReadMeetings: true,
    canReadEvaluations: true,
  };
}
