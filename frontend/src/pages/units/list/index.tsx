import { useMemo } from 'react';
import { Card, Flex, Input, Select, Tag } from 'antd';
import type { TableProps } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import CommunitySelect from '../../../components/CommunitySelect';
import ListTable from '../../../components/ListTable';
import { searchCounter, INPUT_LIMITS } from '../../../utils/limits';
import PageContainer from '../../../components/PageContainer';
import type {
  ResidentUnitFilter,
  ResidentUnitKind,
  ResidentUnitListQuery as Result,
} from '../../../graphql/graphql';
import { ENUM_LABELS } from '../../../graphql/enumLabels';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { orNone } from '../../../utils/format';
import { ResidentUnitListQuery } from './queries';

type Row = Result['residentUnits']['edges'][number]['node'];

const isKind = (v: string | undefined): v is ResidentUnitKind =>
  v !== undefined && v in ENUM_LABELS.ResidentUnitKind;
const FILTER_KEYS = ['community', 'kind'] as const;

export default function ResidentUnitListPage() {
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const { community, kind } = list.filters;

  const variables = useMemo(
    () => ({
      filter: {
        search: list.search || null,
        organisation: community ?? null,
        kind: isKind(kind) ? kind : null,
      } satisfies ResidentUnitFilter,
    }),
    [list.search, community, kind],
  );
  const result = usePagedConnection({
    query: ResidentUnitListQuery,
    variables,
    select: (d) => d.residentUnits,
    page: list.page,
    pageSize: list.pageSize,
  });

  const columns: TableProps<Row>['columns'] = [
    {
      title: t('pages.units.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Link
          to={`/units/${encodeURIComponent(row.id)}`}
          data-testid="unit-name"
          onClick={(e) => e.stopPropagation()}
        >
          {name}
        </Link>
      ),
    },
    { title: t('pages.units.kind'), dataIndex: 'kindLabel', render: (v: string) => <Tag>{v}</Tag> },
    { title: t('pages.units.community'), key: 'community', render: (_, row) => orNone(row.community?.name) },
    { title: t('pages.units.grid'), key: 'grid', render: (_, row) => orNone(row.grid?.name) },
    { title: t('pages.units.liaison'), key: 'liaison', render: (_, row) => orNone(row.liaison?.name) },
    { title: t('pages.units.partyMemberCount'), dataIndex: 'partyMemberCount', align: 'right' },
    { title: t('pages.units.address'), dataIndex: 'address', render: (v: string | null) => orNone(v) },
  ];

  return (
    <PageContainer title={t('pages.units.title')} testId="units-page">
      <Card>
        <Flex gap={12} wrap className="list-toolbar">
          <Input.Search
            key={list.search}
            defaultValue={list.search}
            allowClear
            enterButton
            count={searchCounter(INPUT_LIMITS.ResidentUnitFilter.search)}
            placeholder={t('pages.units.searchPlaceholder')}
            aria-label={t('pages.units.searchPlaceholder')}
            data-testid="unit-search"
            style={{ maxWidth: 320 }}
            onSearch={list.setSearch}
          />
          <CommunitySelect
            value={community}
            onChange={(v) => list.setFilter('community', v)}
            placeholder={t('pages.units.filterCommunity')}
            testId="unit-filter-community"
          />
          <Select
            allowClear
            placeholder={t('pages.units.filterKind')}
            aria-label={t('pages.units.filterKind')}
            data-testid="unit-filter-kind"
            style={{ minWidth: 160 }}
            value={isKind(kind) ? kind : undefined}
            onChange={(v: string | undefined) => list.setFilter('kind', v)}
            options={Object.entries(ENUM_LABELS.ResidentUnitKind).map(([value, label]) => ({ value, label }))}
          />
        </Flex>
        <ListTable<Row>
          testId="units-table"
          rows={result.rows}
          total={result.total}
          page={list.page}
          pageSize={result.pageSize}
          loading={result.loading}
          error={result.error}
          onRetry={result.retry}
          onPageChange={list.setPage}
          onRowClick={(row) => navigate(`/units/${encodeURIComponent(row.id)}`)}
          columns={columns}
        />
      </Card>
    </PageContainer>
  );
}
