import { useMemo } from 'react';
import { Card, DatePicker, Flex, Space, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import ListTable from '../../../components/ListTable';
import PageContainer from '../../../components/PageContainer';
import type { AuditLogFilter, AuditLogQuery as Result } from '../../../graphql/graphql';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t, type MessageKey } from '../../../locales';
import { formatDateTime, orNone } from '../../../utils/format';
import ChangesTable from './components/ChangesTable';
import SuggestInput, { type Suggestion } from './components/SuggestInput';
import { AuditLogQuery } from './queries';

type Row = Result['auditLog']['edges'][number]['node'];
const FILTER_KEYS = ['action', 'type', 'since', 'until'] as const;

// The actions and object types the backend records today; the filters accept any other too.
const ACTIONS: Record<string, MessageKey> = {
  sessionCreate: 'pages.audit.actions.sessionCreate',
  'sessionCreate.failed': 'pages.audit.actions.sessionCreate.failed',
  apiTokenCreate: 'pages.audit.actions.apiTokenCreate',
  apiTokenRevoke: 'pages.audit.actions.apiTokenRevoke',
  'personalData.read': 'pages.audit.actions.personalData.read',
};
const OBJECT_TYPES: Record<string, MessageKey> = {
  User: 'pages.audit.objectTypes.User',
  ApiToken: 'pages.audit.objectTypes.ApiToken',
  Person: 'pages.audit.objectTypes.Person',
};
const suggestions = (labels: Record<string, MessageKey>): Suggestion[] =>
  Object.entries(labels).map(([value, key]) => ({ value, label: t(key) }));
const ACTION_SUGGESTIONS = suggestions(ACTIONS);
const OBJECT_TYPE_SUGGESTIONS = suggestions(OBJECT_TYPES);

const ACTION_COLORS: Record<string, string> = {
  sessionCreate: 'blue',
  'sessionCreate.failed': 'orange',
  apiTokenCreate: 'green',
  apiTokenRevoke: 'red',
  'personalData.read': 'purple',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | undefined) =>
  value && DAY.test(value) && dayjs(value).isValid() ? dayjs(value) : null;
const hasChanges = (changes: unknown) =>
  changes !== null &&
  changes !== undefined &&
  (typeof changes !== 'object' || Object.keys(changes).length > 0);

const columns: TableProps<Row>['columns'] = [
  {
    title: t('pages.audit.occurredAt'),
    dataIndex: 'occurredAt',
    render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
  },
  { title: t('pages.audit.actor'), dataIndex: 'actor' },
  {
    title: t('pages.audit.action'),
    dataIndex: 'action',
    render: (action: string) => (
      <Space size={4} data-testid="audit-action" data-action={action}>
        <Tag color={ACTION_COLORS[action] ?? 'default'}>{ACTIONS[action] ? t(ACTIONS[action]) : action}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {action}
        </Typography.Text>
      </Space>
    ),
  },
  {
    title: t('pages.audit.object'),
    key: 'object',
    render: (_, r) =>
      r.objectType
        ? `${OBJECT_TYPES[r.objectType] ? t(OBJECT_TYPES[r.objectType]) : r.objectType}${
            r.objectId !== null ? ` #${r.objectId}` : ''
          }`
        : t('pages.common.none'),
  },
  { title: t('pages.audit.ip'), dataIndex: 'ip', render: (v: string | null) => orNone(v) },
  {
    title: t('pages.audit.requestId'),
    dataIndex: 'requestId',
    render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : t('pages.common.none')),
  },
];

/** 系统管理 › 审计日志: who did what, when and from where; expand a row for its changes. */
export default function AuditLogPage() {
  const list = useListParams(FILTER_KEYS);
  const { action, type, since, until } = list.filters;
  const sinceDay = day(since);
  const untilDay = day(until);

  const variables = useMemo(() => {
    const from = day(since);
    const to = day(until);
    return {
      filter: {
        action: action ?? null,
        objectType: type ?? null,
        since: from ? from.startOf('day').toISOString() : null,
        // `until` is exclusive: the whole of the last day is included.
        until: to ? to.add(1, 'day').startOf('day').toISOString() : null,
      } satisfies AuditLogFilter,
    };
  }, [action, type, since, until]);
  const result = usePagedConnection({
    query: AuditLogQuery,
    variables,
    select: (d) => d.auditLog,
    page: list.page,
    pageSize: list.pageSize,
  });

  return (
    <PageContainer
      title={t('pages.audit.title')}
      breadcrumb={[{ title: t('menu.admin') }, { title: t('menu.admin.audit') }]}
      testId="audit-page"
    >
      <Card>
        <Flex gap={12} wrap className="list-toolbar">
          <SuggestInput
            key={`action:${action ?? ''}`}
            value={action}
            suggestions={ACTION_SUGGESTIONS}
            placeholder={t('pages.audit.filterAction')}
            testId="audit-filter-action"
            onApply={(v) => list.setFilter('action', v)}
          />
          <SuggestInput
            key={`type:${type ?? ''}`}
            value={type}
            suggestions={OBJECT_TYPE_SUGGESTIONS}
            placeholder={t('pages.audit.filterObjectType')}
            testId="audit-filter-object-type"
            onApply={(v) => list.setFilter('type', v)}
          />
          <DatePicker.RangePicker
            aria-label={t('pages.audit.filterPeriod')}
            placeholder={[t('pages.audit.periodStart'), t('pages.audit.periodEnd')]}
            allowEmpty={[true, true]}
            value={[sinceDay, untilDay]}
            onChange={(range) =>
              list.setFilters({
                since: range?.[0]?.format('YYYY-MM-DD'),
                until: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
            data-testid="audit-filter-period"
          />
        </Flex>
        <ListTable<Row>
          testId="audit-log-table"
          rows={result.rows}
          total={result.total}
          page={list.page}
          pageSize={result.pageSize}
          loading={result.loading}
          error={result.error}
          onRetry={result.retry}
          onPageChange={list.setPage}
          columns={columns}
          emptyText={t('pages.audit.empty')}
          expandable={{
            rowExpandable: (r) => hasChanges(r.changes),
            expandedRowRender: (r) => <ChangesTable changes={r.changes} />,
          }}
        />
      </Card>
    </PageContainer>
  );
}
