import { useMemo } from 'react';
import { Card, Space, Tag } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import ListTable from '../../../components/ListTable';
import ListToolbar from '../../../components/ListToolbar';
import PageContainer from '../../../components/PageContainer';
import type { VolunteerTeamFilter, VolunteerTeamListQuery as Result } from '../../../graphql/graphql';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { formatDate, orNone } from '../../../utils/format';
import { VolunteerTeamListQuery } from './queries';

type Row = Result['volunteerTeams']['edges'][number]['node'];
const FILTER_KEYS = ['community'] as const;

const columns: TableProps<Row>['columns'] = [
  {
    title: t('pages.volunteering.name'),
    key: 'name',
    render: (_, r) => (
      <Link to={`/volunteering/teams/${encodeURIComponent(r.id)}`} data-testid="team-link">
        {r.name}
      </Link>
    ),
  },
  { title: t('pages.common.community'), key: 'community', render: (_, r) => orNone(r.community.name) },
  { title: t('pages.volunteering.leader'), key: 'leader', render: (_, r) => orNone(r.leader?.name) },
  { title: t('pages.volunteering.memberCount'), dataIndex: 'memberCount', align: 'right' },
  {
    title: t('pages.volunteering.skills'),
    key: 'skills',
    render: (_, r) =>
      r.skills.length > 0 ? (
        <Space size={[0, 4]} wrap>
          {r.skills.map((skill) => (
            <Tag key={skill}>{skill}</Tag>
          ))}
        </Space>
      ) : (
        t('pages.common.none')
      ),
  },
  { title: t('pages.volunteering.foundedOn'), dataIndex: 'foundedOn', render: (v: string) => formatDate(v) },
];

export default function VolunteerTeamListPage() {
  const list = useListParams(FILTER_KEYS);
  const { community } = list.filters;
  const variables = useMemo(
    () => ({
      filter: { search: list.search || null, organisation: community ?? null } satisfies VolunteerTeamFilter,
    }),
    [list.search, community],
  );
  const result = usePagedConnection({
    query: VolunteerTeamListQuery,
    variables,
    select: (d) => d.volunteerTeams,
    page: list.page,
    pageSize: list.pageSize,
  });

  return (
    <PageContainer title={t('pages.volunteering.title')} testId="volunteering-page">
      <Card>
        <ListToolbar
          search={list.search}
          onSearch={list.setSearch}
          searchPlaceholder={t('pages.volunteering.searchPlaceholder')}
          community={community}
          onCommunityChange={(v) => list.setFilter('community', v)}
          testIdPrefix="team"
        />
        <ListTable<Row>
          testId="volunteer-teams-table"
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
