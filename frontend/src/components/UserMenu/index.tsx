import { useState } from 'react';
import { App, Avatar, Button, Dropdown, Space, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { Role } from '../../graphql/graphql';
import { useAuth } from '../../providers/AuthProvider';
import { describeError } from '../../providers/errorHandler';
import { t } from '../../locales';
import PasswordChangeModal from './PasswordChangeModal';

const ROLE_COLORS: Record<Role, string> = {
  STREET_ADMIN: 'red',
  CONVENER: 'volcano',
  VOLUNTEER_COORDINATOR: 'green',
  UNIT_LIAISON: 'blue',
  COMMITTEE_MEMBER: 'gold',
};

/** The header's user menu: who is signed in, in which roles, 修改密码 and 退出登录. */
export default function UserMenu() {
  const { me, signOut } = useAuth();
  const { notification } = App.useApp();
  const [passwordOpen, setPasswordOpen] = useState(false);
  if (!me) return null;

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'signOut') {
      // Signed out, the routes show the sign-in page.
      signOut().catch((error: Error) =>
        notification.error({
          title: t('auth.signOutFailed'),
          description: describeError(error).description,
        }),
      );
    }
  };
  const items: MenuProps['items'] = [
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="user-menu-password">{t('auth.userMenu.passwordChange')}</span>,
    },
    { type: 'divider' },
    {
      key: 'signOut',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="user-menu-sign-out">{t('auth.userMenu.signOut')}</span>,
    },
  ];

  return (
    <Space size="middle" data-testid="user-menu">
      <Space size={[0, 4]} wrap data-testid="user-roles">
        {me.roles.map((grant, i) => {
          const scope = grant.unit?.name ?? grant.organisation?.name;
          return (
            <Tooltip key={`${grant.role}-${i}`} title={scope ? t('auth.roleScope', { scope }) : undefined}>
              <Tag color={ROLE_COLORS[grant.role]}>{grant.roleLabel}</Tag>
            </Tooltip>
          );
        })}
      </Space>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" aria-label={t('auth.userMenu')} data-testid="user-menu-trigger">
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#c41d1d' }} />
          <Typography.Text data-testid="user-display-name">{me.displayName}</Typography.Text>
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <PasswordChangeModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Space>
  );
}
