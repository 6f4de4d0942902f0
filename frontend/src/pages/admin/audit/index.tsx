import { useMemo } from 'react';
import { Card, DatePicker, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import ListTable from '../../../components/ListTable';
import PageContainer from '../../../components/PageContainer';
import type { AuditLogFilter, AuditLogQuery as Result } from '../../../graphql/graphql';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { formatDateTime, orNone } from '../../../utils/format';
import { objectPath } from '../../../utils/objectLinks';
import ChangesTable from './components/ChangesTable';
import SuggestInput from './components/SuggestInput';
import { AuditLogQuery, AuditVocabularyQuery } from './queries';

type Row = Result['auditLog']['edges'][number]['node'];
const FILTER_KEYS = ['action', 'type', 'since', 'until'] as const;

// Colours by what an action does, read from its internal name.
function actionColor(action: string): string {
  if (action.endsWith('.failed')) return 'orange';
  if (/Revoke|Delete|Remove|Withdraw|Cancel/.test(action)) return 'red';
  if (/Create|Submit|Publish|Add|Record/.test(action)) return 'green';
  if (action === 'personalData.read') return 'purple';
  return 'blue';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | undefined) =>
  value && DAY.test(value) && dayjs(value).isValid() ? dayjs(value) : null;

function ObjectCell({ row }: { row: Row }) {
  if (!row.objectKind) return <>{t('pages.common.none')}</>;
  const name = row.objectName ?? (row.objectId !== null ? `#${row.objectId}` : '');
  const path = objectPath(row.objectGlobalId);
  return (
    <Space size={6} data-testid="audit-object">
      <Tag>{row.objectKind}</Tag>
      {path ? (
        <Link to={path} data-testid="audit-object-link">
          {name}
        </Link>
      ) : (
        <span>{name}</span>
      )}
    </Space>
  );
}

const columns: TableProps<Row>['columns'] = [
  {
    title: t('pages.audit.occurredAt'),
    dataIndex: 'occurredAt',
    render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
  },
  { title: t('pages.audit.actor'), dataIndex: 'actor' },
  {
    title: t('pages.audit.action'),
    key: 'action',
    render: (_, r) => (
      <Tooltip title={r.action}>
        <Tag color={actionColor(r.action)} data-testid="audit-action" data-action={r.action}>
          {r.actionLabel}
        </Tag>
      </Tooltip>
    ),
  },
  { title: t('pages.audit.object'), key: 'object', render: (_, r) => <ObjectCell row={r} /> },
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
  const [vocabulary] = useQuery({ query: AuditVocabularyQuery });
  const actions = vocabulary.data?.auditVocabulary.actions ?? [];
  const objectTypes = vocabulary.data?.auditVocabulary.objectTypes ?? [];
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
            suggestions={actions}
            placeholder={t('pages.audit.filterAction')}
            testId="audit-filter-action"
            onApply={(v) => list.setFilter('action', v)}
          />
          <SuggestInput
            key={`type:${type ?? ''}`}
            value={type}
            suggestions={objectTypes}
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
            rowExpandable: (r) => r.changeList.length > 0,
            expandedRowRender: (r) => <ChangesTable changes={r.changeList} />,
          }}
        />
      </Card>
    </PageContainer>
  );
}
