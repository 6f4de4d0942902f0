import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  HeartOutlined,
  NodeIndexOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { AccessKey } from './access';
import type { MessageKey } from './locales';

/** Navigation entries; `access` names the flag in access.ts that shows the entry. */
export interface MenuRoute {
  path: string;
  name: MessageKey;
  icon: ReactNode;
  access: AccessKey;
}

export const menuRoutes: MenuRoute[] = [
  {
    path: '/organisations',
    name: 'menu.organisations',
    icon: <ApartmentOutlined />,
    access: 'canReadOrganisations',
  },
  { path: '/units', name: 'menu.units', icon: <BankOutlined />, access: 'canReadUnits' },
  { path: '/members', name: 'menu.members', icon: <UsergroupAddOutlined />, access: 'canReadMembers' },
  {
    path: '/volunteering',
    name: 'menu.volunteering',
    icon: <HeartOutlined />,
    access: 'canReadVolunteering',
  },
  { path: '/cobuilding', name: 'menu.cobuilding', icon: <NodeIndexOutlined />, access: 'canReadCobuilding' },
  { path: '/meetings', name: 'menu.meetings', icon: <TeamOutlined />, access: 'canReadMeetings' },
  { path: '/evaluations', name: 'menu.evaluations', icon: <AuditOutlined />, access: 'canReadEvaluations' },
];
