import { useMemo } from 'react';
import { Card, Tag } from 'antd';
import type { TableProps } from 'antd';
import ListTable from '../../../components/ListTable';
import ListToolbar from '../../../components/ListToolbar';
import PageContainer from '../../../components/PageContainer';
import type { JointMeetingFilter, JointMeetingListQuery as Result } from '../../../graphql/graphql';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { formatDate, orNone, statusColor } from '../../../utils/format';
import { JointMeetingListQuery } from './queries';

type Row = Result['jointMeetings']['edges'][number]['node'];
const FILTER_KEYS = ['community'] as const;

const columns: TableProps<Row>['columns'] = [
  { title: t('pages.common.title'), dataIndex: 'title' },
  { title: t('pages.meetings.kind'), dataIndex: 'kindLabel', render: (v: string) => <Tag>{v}</Tag> },
  {
    title: t('pages.meetings.organisation'),
    key: 'organisation',
    render: (_, r) => orNone(r.organisation.name),
  },
  { title: t('pages.meetings.heldOn'), dataIndex: 'startsAt', render: (v: string) => formatDate(v) },
  { title: t('pages.meetings.venue'), dataIndex: 'venue' },
  {
    title: t('pages.common.status'),
    key: 'status',
    render: (_, r) => <Tag color={statusColor(r.status)}>{r.statusLabel}</Tag>,
  },
];

export default function JointMeetingListPage() {
  const list = useListParams(FILTER_KEYS);
  const { community } = list.filters;
  const variables = useMemo(
    () => ({
      filter: { search: list.search || null, organisation: community ?? null } satisfies JointMeetingFilter,
    }),
    [list.search, community],
  );
  const result = usePagedConnection({
    query: JointMeetingListQuery,
    variables,
    select: (d) => d.jointMeetings,
    page: list.page,
    pageSize: list.pageSize,
  });

  return (
    <PageContainer title={t('pages.meetings.title')} testId="meetings-page">
      <Card>
        <ListToolbar
          search={list.search}
          onSearch={list.setSearch}
          searchPlaceholder={t('pages.meetings.searchPlaceholder')}
          community={community}
          onCommunityChange={(v) => list.setFilter('community', v)}
          testIdPrefix="meeting"
        />
        <ListTable<Row>
          testId="meetings-table"
          rows={result.rows}
          total={result.total}
          page={list.page}
          pageSize={result.pageSize}
          loading={result.loading}
          error={result.error}
          onRetry={result.retry}
          onPageChange={list.setPage}
          columns={columns}
        />
      </Card>
    </PageContainer>
  );
}
