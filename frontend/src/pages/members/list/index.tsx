import { useMemo } from 'react';
import { Card, Flex, Input, Select, Tag } from 'antd';
import type { TableProps } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import CommunitySelect from '../../../components/CommunitySelect';
import ListTable from '../../../components/ListTable';
import PageContainer from '../../../components/PageContainer';
import RoleTags from '../../../components/RoleTags';
import { searchCounter, INPUT_LIMITS } from '../../../utils/limits';
import type {
  CommitteeMemberFilter,
  CommitteeMemberListQuery as Result,
  CommitteeRole,
} from '../../../graphql/graphql';
import { ENUM_LABELS } from '../../../graphql/enumLabels';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { formatRange, orNone } from '../../../utils/format';
import { CommitteeMemberListQuery } from './queries';

type Row = Result['committeeMembers']['edges'][number]['node'];

const isRole = (v: string | undefined): v is CommitteeRole =>
  v !== undefined && v in ENUM_LABELS.CommitteeRole;
const FILTER_KEYS = ['community', 'role'] as const;

export default function CommitteeMemberListPage() {
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const { community, role } = list.filters;

  const variables = useMemo(
    () => ({
      filter: {
        search: list.search || null,
        organisation: community ?? null,
        role: isRole(role) ? role : null,
      } satisfies CommitteeMemberFilter,
    }),
    [list.search, community, role],
  );
  const result = usePagedConnection({
    query: CommitteeMemberListQuery,
    variables,
    select: (d) => d.committeeMembers,
    page: list.page,
    pageSize: list.pageSize,
  });

  const columns: TableProps<Row>['columns'] = [
    {
      title: t('pages.members.name'),
      key: 'name',
      render: (_, row) => (
        <Link
          to={`/members/${encodeURIComponent(row.id)}`}
          data-testid="member-name"
          onClick={(e) => e.stopPropagation()}
        >
          {row.person.name}
        </Link>
      ),
    },
    { title: t('pages.members.gender'), key: 'gender', render: (_, row) => row.person.genderLabel },
    { title: t('pages.members.unit'), key: 'unit', render: (_, row) => orNone(row.unit?.name) },
    { title: t('pages.members.community'), key: 'community', render: (_, row) => orNone(row.community.name) },
    {
      title: t('pages.members.roles'),
      key: 'roles',
      render: (_, row) => <RoleTags roles={row.roles} labels={row.roleLabels} />,
    },
    {
      title: t('pages.members.term'),
      key: 'term',
      render: (_, row) => formatRange(row.termStart, row.termEnd),
    },
    {
      title: t('pages.members.active'),
      key: 'active',
      render: (_, row) =>
        row.isActive ? (
          <Tag color="green">{t('pages.members.active.yes')}</Tag>
        ) : (
          <Tag>{t('pages.members.active.no')}</Tag>
        ),
    },
  ];

  return (
    <PageContainer title={t('pages.members.title')} testId="members-page">
      <Card>
        <Flex gap={12} wrap className="list-toolbar">
          <Input.Search
            count={searchCounter(INPUT_LIMITS.CommitteeMemberFilter.search)}
            key={list.search}
            defaultValue={list.search}
            allowClear
            enterButton
            placeholder={t('pages.members.searchPlaceholder')}
            aria-label={t('pages.members.searchPlaceholder')}
            data-testid="member-search"
            style={{ maxWidth: 320 }}
            onSearch={list.setSearch}
          />
          <CommunitySelect
            value={community}
            onChange={(v) => list.setFilter('community', v)}
            placeholder={t('pages.members.filterCommunity')}
            testId="member-filter-community"
          />
          <Select
            allowClear
            placeholder={t('pages.members.filterRole')}
            aria-label={t('pages.members.filterRole')}
            data-testid="member-filter-role"
            style={{ minWidth: 180 }}
            value={isRole(role) ? role : undefined}
            onChange={(v: string | undefined) => list.setFilter('role', v)}
            options={Object.entries(ENUM_LABELS.CommitteeRole).map(([value, label]) => ({ value, label }))}
          />
        </Flex>
        <ListTable<Row>
          testId="members-table"
          rows={result.rows}
          total={result.total}
          page={list.page}
          pageSize={result.pageSize}
          loading={result.loading}
          error={result.error}
          onRetry={result.retry}
          onPageChange={list.setPage}
          onRowClick={(row) => navigate(`/members/${encodeURIComponent(row.id)}`)}
          columns={columns}
        />
      </Card>
    </PageContainer>
  );
}
