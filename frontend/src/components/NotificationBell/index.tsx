import { useEffect } from 'react';
import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { t } from '../../locales';
import { UnreadNotificationCountQuery } from './queries';

/** How often the header asks for new notifications while the app is open. */
const POLL_MS = 60_000;

/** The header's bell: the unread count, and the way to 我的通知. */
export default function NotificationBell() {
  const navigate = useNavigate();
  const [{ data }, reexecute] = useQuery({ query: UnreadNotificationCountQuery });
  useEffect(() => {
    const timer = window.setInterval(() => reexecute({ requestPolicy: 'network-only' }), POLL_MS);
    return () => window.clearInterval(timer);
  }, [reexecute]);
  const unread = data?.myUnreadNotificationCount ?? 0;

  return (
    <Tooltip title={t('pages.notifications.bell', { count: unread })}>
      <Badge count={unread} size="small" data-testid="notification-count">
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('pages.notifications.bell', { count: unread })}
          onClick={() => navigate('/notifications')}
          data-testid="notification-bell"
        />
      </Badge>
    </Tooltip>
  );
}
