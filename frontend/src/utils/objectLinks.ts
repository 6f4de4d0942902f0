/** The page of an object named by its global ID (relay: base64 of "Type:id"), if it has one. */

const PAGES: Record<string, (id: string) => string> = {
  Need: (id) => `/cobuilding/needs?all=1&need=${encodeURIComponent(id)}`,
  Project: (id) => `/cobuilding/projects/${encodeURIComponent(id)}`,
  ResidentUnit: (id) => `/units/${encodeURIComponent(id)}`,
  CommitteeMembership: (id) => `/members/${encodeURIComponent(id)}`,
  JointMeeting: (id) => `/meetings/${encodeURIComponent(id)}`,
  VolunteerTeam: (id) => `/volunteering/teams/${encodeURIComponent(id)}`,
  VolunteerActivity: (id) => `/volunteering/activities/${encodeURIComponent(id)}`,
  Person: (id) => `/volunteering/people/${encodeURIComponent(id)}`,
};

export function typeOfGlobalId(globalId: string): string | null {
  try {
    const decoded = atob(globalId);
    const colon = decoded.indexOf(':');
    return colon > 0 ? decoded.slice(0, colon) : null;
  } catch {
    return null;
  }
}

export function objectPath(globalId: string | null | undefined): string | null {
  if (!globalId) return null;
  const type = typeOfGlobalId(globalId);
  const page = type ? PAGES[type] : undefined;
  return page ? page(globalId) : null;
}
