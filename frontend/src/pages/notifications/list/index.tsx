import { App, Badge, Button, Card, Flex, List, Segmented, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useMemo } from 'react';
import { useMutation } from 'urql';
import EmptyState from '../../../components/EmptyState';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import { PAGE_SIZE_OPTIONS } from '../../../hooks/useCursorPagination';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { describeError } from '../../../providers/errorHandler';
import { formatDateTime } from '../../../utils/format';
import { MyNotificationsQuery, NotificationsMarkReadMutation } from './queries';

/** 我的通知: agendas published, minutes out, and what else concerns the signed-in person. */
export default function NotificationListPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useListParams(['show'] as const);
  const unreadOnly = list.filters.show === 'unread';
  const result = usePagedConnection({
    query: MyNotificationsQuery,
    variables: useMemo(() => ({ unreadOnly }), [unreadOnly]),
    select: (d) => d.myNotifications,
    page: list.page,
    pageSize: list.pageSize,
  });
  const [{ fetching: marking }, markRead] = useMutation(NotificationsMarkReadMutation);

  const mark = async (ids: string[] | null): Promise<boolean> => {
    const outcome = await markRead({ input: { ids } });
    if (outcome.error) {
      message.error(`${t('pages.notifications.markFailed')}：${describeError(outcome.error).description}`);
      return false;
    }
    result.retry();
    return true;
  };

  const open = async (id: string, isRead: boolean, link: string | null | undefined) => {
    if (!isRead && !(await mark([id]))) return;
    if (link) navigate(link);
  };

  let body;
  if (result.loading && !result.hasData) body = <PageLoading rows={6} />;
  else if (result.error && !result.hasData) body = <QueryError error={result.error} onRetry={result.retry} />;
  else
    body = (
      <List
        dataSource={result.rows}
        rowKey="id"
        loading={result.loading}
        locale={{ emptyText: <EmptyState description={t('pages.notifications.empty')} /> }}
        pagination={
          result.total > result.pageSize
            ? {
                current: list.page,
                pageSize: result.pageSize,
                total: result.total,
                pageSizeOptions: PAGE_SIZE_OPTIONS,
                showSizeChanger: true,
                onChange: list.setPage,
              }
            : false
        }
        data-testid="notifications"
        renderItem={(n) => (
          <List.Item
            data-testid="notification"
            data-read={n.isRead ? 'true' : 'false'}
            style={{ cursor: n.link ? 'pointer' : undefined }}
            onClick={() => void open(n.id, n.isRead, n.link)}
            extra={
              n.isRead ? null : (
                <Button
                  size="small"
                  type="link"
                  icon={<CheckOutlined />}
                  onClick={(e) => {
                    e.stopPropagation();
                    void mark([n.id]);
                  }}
                  data-testid="notification-mark-read"
                >
                  {t('pages.notifications.markRead')}
                </Button>
              )
            }
          >
            <List.Item.Meta
              avatar={<Badge status={n.isRead ? 'default' : 'processing'} />}
              title={
                <Typography.Text strong={!n.isRead} data-testid="notification-title">
                  {n.title}
                </Typography.Text>
              }
              description={
                <Flex vertical gap={2}>
                  <Typography.Text type="secondary">{n.body}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
    );

  return (
    <PageContainer
      title={t('menu.notifications')}
      breadcrumb={[{ title: t('menu.notifications') }]}
      extra={
        <Button
          icon={<CheckOutlined />}
          loading={marking}
          onClick={() => void mark(null)}
          data-testid="notifications-mark-all"
        >
          {t('pages.notifications.markAll')}
        </Button>
      }
      testId="notifications-page"
    >
      <Card
        size="small"
        title={
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => list.setFilter('show', v === 'unread' ? 'unread' : undefined)}
            options={[
              { value: 'all', label: t('pages.notifications.all') },
              { value: 'unread', label: t('pages.notifications.unread') },
            ]}
            data-testid="notifications-show"
          />
        }
      >
        {body}
      </Card>
    </PageContainer>
  );
}
