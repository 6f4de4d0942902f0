import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  HeartOutlined,
  NodeIndexOutlined,
  SettingOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { Access, AccessKey } from './access';
import type { MessageKey } from './locales';

/** Navigation entries; `access` names the flag in access.ts that shows the entry. */
export interface MenuRoute {
  path: string;
  name: MessageKey;
  icon?: ReactNode;
  /** the flag that shows the entry; none: every signed-in user */
  access?: AccessKey;
  /** a group (sub-menu) of pages */
  children?: MenuRoute[];
  /** pages outside `path` that belong to this entry (highlighted with it) */
  also?: string[];
}

export const menuRoutes: MenuRoute[] = [
  { path: '/', name: 'menu.home', icon: <DashboardOutlined /> },
  {
    path: '/organisations',
    name: 'menu.organisations',
    icon: <ApartmentOutlined />,
    access: 'canReadOrganisations',
  },
  { path: '/units', name: 'menu.units', icon: <BankOutlined />, access: 'canReadUnits' },
  { path: '/members', name: 'menu.members', icon: <UsergroupAddOutlined />, access: 'canReadMembers' },
  {
    path: '/volunteering-menu',
    name: 'menu.volunteering',
    icon: <HeartOutlined />,
    access: 'canReadVolunteering',
    children: [
      {
        path: '/volunteering',
        name: 'menu.volunteering.teams',
        access: 'canReadVolunteering',
        // a volunteer's ledger is reached from the teams (and their activities)
        also: ['/volunteering/teams', '/volunteering/people'],
      },
      {
        path: '/volunteering/activities',
        name: 'menu.volunteering.activities',
        access: 'canReadVolunteering',
        also: ['/volunteering/check-in'],
      },
      { path: '/volunteering/mine', name: 'menu.volunteering.mine', access: 'canReadVolunteering' },
      { path: '/volunteering/settings', name: 'menu.volunteering.settings', access: 'canManageVolunteering' },
    ],
  },
  {
    path: '/cobuilding-menu',
    name: 'menu.cobuilding',
    icon: <NodeIndexOutlined />,
    access: 'canReadCobuilding',
    children: [
      { path: '/cobuilding/needs', name: 'menu.cobuilding.needs', access: 'canReadNeeds' },
      { path: '/cobuilding/inbox', name: 'menu.cobuilding.inbox', access: 'canAnswerDispatches' },
      { path: '/cobuilding/resources', name: 'menu.cobuilding.resources', access: 'canReadCobuilding' },
      { path: '/cobuilding/projects', name: 'menu.cobuilding.projects', access: 'canReadCobuilding' },
      { path: '/cobuilding/wishes', name: 'menu.cobuilding.wishes', access: 'canReadCobuilding' },
    ],
  },
  {
    // a group's path only names the sub-menu; its pages are the children
    path: '/meetings-menu',
    name: 'menu.meetings',
    icon: <TeamOutlined />,
    access: 'canReadMeetings',
    children: [
      { path: '/meetings', name: 'menu.meetings.list', access: 'canReadMeetings' },
      { path: '/meetings/proposals', name: 'menu.meetings.proposals', access: 'canReadMeetings' },
      { path: '/meetings/actions', name: 'menu.meetings.actions', access: 'canReadMeetings' },
      { path: '/meetings/mine', name: 'menu.myActions', access: 'canReadMeetings' },
    ],
  },
  { path: '/evaluations', name: 'menu.evaluations', icon: <AuditOutlined />, access: 'canReadEvaluations' },
  {
    path: '/admin',
    name: 'menu.admin',
    icon: <SettingOutlined />,
    access: 'canAdmin',
    children: [
      { path: '/admin/tokens', name: 'menu.admin.tokens', access: 'canManageTokens' },
      { path: '/admin/audit', name: 'menu.admin.audit', access: 'canReadAuditLog' },
    ],
  },
];

/** The menu entries the user may see: groups keep only their visible pages. */
export function visibleRoutes(access: Access, routes: MenuRoute[] = menuRoutes): MenuRoute[] {
  return routes
    .filter((r) => !r.access || access[r.access])
    .map((r) => (r.children ? { ...r, children: visibleRoutes(access, r.children) } : r))
    .filter((r) => !r.children || r.children.length > 0);
}

/** The first page of the visible menu. */
export function firstPage(routes: MenuRoute[]): string | null {
  for (const r of routes) {
    if (!r.children) return r.path;
    const nested = firstPage(r.children);
    if (nested) return nested;
  }
  return null;
}

const matches = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** The menu entry (and its group, if any) that a URL belongs to: the most specific one. */
export function matchRoute(
  pathname: string,
  routes: MenuRoute[] = menuRoutes,
): { route: MenuRoute; group?: MenuRoute } | null {
  let best: { route: MenuRoute; group?: MenuRoute } | null = null;
  let bestLength = 0;
  for (const r of routes) {
    const candidates = r.children ? r.children.map((route) => ({ route, group: r })) : [{ route: r }];
    for (const c of candidates) {
      for (const path of [c.route.path, ...(c.route.also ?? [])]) {
        if (matches(pathname, path) && path.length > bestLength) {
          best = c;
          bestLength = path.length;
        }
      }
    }
  }
  return best;
}
