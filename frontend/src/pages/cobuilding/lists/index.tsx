import { useMemo } from 'react';
import { Card, Tag } from 'antd';
import type { TableProps } from 'antd';
import ListTable from '../../../components/ListTable';
import ListToolbar from '../../../components/ListToolbar';
import PageContainer from '../../../components/PageContainer';
import type { NeedFilter, NeedListQuery as Result } from '../../../graphql/graphql';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { formatDate, orNone, statusColor } from '../../../utils/format';
import { NeedListQuery } from './queries';

type Row = Result['needs']['edges'][number]['node'];
const FILTER_KEYS = ['community'] as const;

const columns: TableProps<Row>['columns'] = [
  { title: t('pages.common.title'), dataIndex: 'title' },
  { title: t('pages.cobuilding.category'), dataIndex: 'category', render: (v: string) => <Tag>{v}</Tag> },
  { title: t('pages.common.community'), key: 'community', render: (_, r) => orNone(r.community.name) },
  { title: t('pages.cobuilding.source'), dataIndex: 'sourceLabel' },
  { title: t('pages.cobuilding.urgency'), dataIndex: 'urgencyLabel' },
  {
    title: t('pages.common.status'),
    key: 'status',
    render: (_, r) => <Tag color={statusColor(r.status)}>{r.statusLabel}</Tag>,
  },
  { title: t('pages.cobuilding.raisedOn'), dataIndex: 'raisedAt', render: (v: string) => formatDate(v) },
];

/** 需求·资源·项目: for now the needs list (需求清单). */
export default function CobuildingListsPage() {
  const list = useListParams(FILTER_KEYS);
  const { community } = list.filters;
  const variables = useMemo(
    () => ({ filter: { search: list.search || null, organisation: community ?? null } satisfies NeedFilter }),
    [list.search, community],
  );
  const result = usePagedConnection({
    query: NeedListQuery,
    variables,
    select: (d) => d.needs,
    page: list.page,
    pageSize: list.pageSize,
  });

  return (
    <PageContainer title={t('pages.cobuilding.title')} testId="cobuilding-page">
      <Card title={t('pages.cobuilding.needs')}>
        <ListToolbar
          search={list.search}
          onSearch={list.setSearch}
          searchPlaceholder={t('pages.cobuilding.searchPlaceholder')}
          community={community}
          onCommunityChange={(v) => list.setFilter('community', v)}
          testIdPrefix="need"
        />
        <ListTable<Row>
          testId="needs-table"
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
