import { useMemo, useState } from 'react';
import { App, Button, Card, Collapse, Flex, List, Space, Tag, Typography } from 'antd';
import { BankOutlined, EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import EmptyState from '../../../components/EmptyState';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import { PAGE_SIZE_OPTIONS } from '../../../hooks/useCursorPagination';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { useAuth } from '../../../providers/AuthProvider';
import { describeError } from '../../../providers/errorHandler';
import { formatDate } from '../../../utils/format';
import { ACTION_ITEM_STATUS_COLORS } from '../labels';
import type { ActionItem } from '../actions/components/ActionCard';
import ProgressHistory from '../actions/components/ProgressHistory';
import ProgressForm, { type FieldErrors, type ProgressValues } from './components/ProgressForm';
import { ActionItemProgressMutation, MyActionItemsQuery } from './queries';

const FORM_FIELDS = ['status', 'note', 'evidence'] as const;
const isFormField = (f: string | null): f is (typeof FORM_FIELDS)[number] =>
  f !== null && (FORM_FIELDS as readonly string[]).includes(f);

/** 我的督办事项: a unit liaison's action items, and their progress reports. */
export default function MyActionItemsPage() {
  const { message } = App.useApp();
  const { me } = useAuth();
  const unitId = me?.liaisonUnit?.id ?? null;
  const list = useListParams([] as const);
  const result = usePagedConnection({
    query: MyActionItemsQuery,
    variables: useMemo(() => ({}), []),
    select: (d) => d.myActionItems,
    page: list.page,
    pageSize: list.pageSize,
  });
  const reload = result.retry;
  const [{ fetching: saving }, report] = useMutation(ActionItemProgressMutation);
  const [reporting, setReporting] = useState<ActionItem | null>(null);

  const onSubmit = async (item: ActionItem, values: ProgressValues): Promise<FieldErrors> => {
    const result = await report({
      input: { actionItem: item.id, status: values.status, note: values.note, evidence: values.evidence },
    });
    const payload = result.data?.actionItemProgress;
    if (!payload) {
      message.error(
        `${t('pages.meetingDetail.saveFailed')}：${result.error ? describeError(result.error).description : t('pages.common.error.unknown')}`,
      );
      return [];
    }
    if (payload.errors.length > 0) {
      const fields = payload.errors.flatMap((e) =>
        isFormField(e.field) ? [{ field: e.field, message: e.message }] : [],
      );
      const rest = payload.errors.filter((e) => !isFormField(e.field));
      if (rest.length > 0) message.error(rest.map((e) => e.message).join('；'));
      return fields;
    }
    message.success(t('pages.myActions.report.saved'));
    setReporting(null);
    reload();
    return [];
  };

  const items = result.rows;
  let body;
  if (result.loading && !result.hasData) body = <PageLoading rows={6} />;
  else if (result.error && !result.hasData) body = <QueryError error={result.error} onRetry={reload} />;
  else if (items.length === 0 && list.page === 1)
    body = <EmptyState description={t('pages.myActions.empty')} />;
  else
    body = (
      <List
        dataSource={items}
        rowKey="id"
        loading={result.loading}
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
        data-testid="my-actions"
        renderItem={(item) => (
          <List.Item data-testid="my-action" data-title={item.title} data-status={item.status}>
            <Flex vertical gap={8} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Space wrap>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {item.title}
                  </Typography.Text>
                  <Tag color={ACTION_ITEM_STATUS_COLORS[item.status]} data-testid="my-action-status">
                    {item.statusLabel}
                  </Tag>
                  {item.isOverdue ? (
                    <Tag color="red">{t('pages.actions.overdue')}</Tag>
                  ) : item.isDueSoon ? (
                    <Tag color="orange">{t('pages.actions.dueSoon')}</Tag>
                  ) : null}
                </Space>
                {item.viewerCanReport ? (
                  <Button
                    type="primary"
                    size="large"
                    icon={<EditOutlined />}
                    onClick={() => setReporting(item)}
                    data-testid="my-action-report"
                  >
                    {t('pages.myActions.report')}
                  </Button>
                ) : null}
              </Flex>
              <Typography.Text type={item.isOverdue ? 'danger' : 'secondary'}>
                {t('pages.meetingRun.action.due', { date: formatDate(item.dueOn) })} · {item.meeting.title}
                {item.expectedResult
                  ? ` · ${t('pages.meetingRun.action.expectedResult')}：${item.expectedResult}`
                  : ''}
              </Typography.Text>
              {item.progress.length > 0 ? (
                <Collapse
                  size="small"
                  items={[
                    {
                      key: 'progress',
                      label: t('pages.myActions.progress', { count: item.progress.length }),
                      children: <ProgressHistory progress={item.progress} />,
                    },
                  ]}
                />
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
    );

  return (
    <PageContainer
      title={t('menu.myActions')}
      breadcrumb={[{ title: t('menu.myActions') }]}
      extra={
        unitId ? (
          <Link to={`/units/${encodeURIComponent(unitId)}`} data-testid="my-unit-link">
            <Button icon={<BankOutlined />}>{t('pages.myActions.unit')}</Button>
          </Link>
        ) : null
      }
      testId="my-actions-page"
    >
      <Card>{body}</Card>
      <ProgressForm item={reporting} busy={saving} onCancel={() => setReporting(null)} onSubmit={onSubmit} />
    </PageContainer>
  );
}
