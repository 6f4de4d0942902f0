import { useMemo } from 'react';
import { Card, Flex, Input, Progress, Select, Tag } from 'antd';
import type { TableProps } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import CommunitySelect from '../../../../components/CommunitySelect';
import ListTable from '../../../../components/ListTable';
import PageContainer from '../../../../components/PageContainer';
import { searchCounter, INPUT_LIMITS } from '../../../../utils/limits';
import type { ProjectListQuery as Result, ProjectStatus } from '../../../../graphql/graphql';
import { ENUM_LABELS } from '../../../../graphql/enumLabels';
import { useListParams } from '../../../../hooks/useListParams';
import { usePagedConnection } from '../../../../hooks/usePagedConnection';
import { t } from '../../../../locales';
import { formatRange, orNone } from '../../../../utils/format';
import { projectColor, yuan } from '../../labels';
import { ProjectListQuery } from './queries';

type Row = Result['projects']['edges'][number]['node'];
const STATUS_FILTERS = ['PLANNED', 'IN_PROGRESS', 'DONE', 'EVALUATED', 'LATE'] as const;

/** 项目清单: every co-building project, late ones first to catch the eye. */
export default function ProjectListPage() {
  const navigate = useNavigate();
  const list = useListParams(['community', 'status'] as const);
  const { community, status } = list.filters;
  const variables = useMemo(
    () => ({
      filter: {
        search: list.search || null,
        organisation: community ?? null,
        status: status && status !== 'LATE' ? (status as ProjectStatus) : null,
        late: status === 'LATE' ? true : null,
      },
    }),
    [list.search, community, status],
  );
  const result = usePagedConnection({
    query: ProjectListQuery,
    variables,
    select: (d) => d.projects,
    page: list.page,
    pageSize: list.pageSize,
  });
  const columns: TableProps<Row>['columns'] = [
    {
      title: t('pages.projects.title'),
      key: 'title',
      render: (_, r) => (
        <Link to={`/cobuilding/projects/${encodeURIComponent(r.id)}`} data-testid="project-link">
          {r.title}
        </Link>
      ),
    },
    {
      title: t('pages.common.status'),
      key: 'status',
      render: (_, r) => (
        <Tag color={projectColor(r.status, r.isLate)} data-testid="project-status">
          {r.effectiveStatusLabel}
        </Tag>
      ),
    },
    { title: t('pages.common.community'), key: 'community', render: (_, r) => r.community.name },
    { title: t('pages.projects.leadUnit'), key: 'lead', render: (_, r) => orNone(r.leadUnit?.name) },
    {
      title: t('pages.projects.milestones'),
      key: 'milestones',
      render: (_, r) => {
        const done = r.milestones.filter((m) => m.doneOn).length;
        return r.milestones.length ? (
          <Progress
            percent={Math.round((done / r.milestones.length) * 100)}
            size="small"
            style={{ width: 120 }}
          />
        ) : (
          orNone(null)
        );
      },
    },
    {
      title: t('pages.projects.budget'),
      key: 'budget',
      align: 'right',
      render: (_, r) => `${yuan(r.spent)} / ${yuan(r.budget)}`,
    },
    { title: t('pages.projects.term'), key: 'term', render: (_, r) => formatRange(r.startsOn, r.endsOn) },
  ];

  return (
    <PageContainer
      title={t('menu.cobuilding.projects')}
      breadcrumb={[{ title: t('menu.cobuilding') }, { title: t('menu.cobuilding.projects') }]}
      testId="projects-page"
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            count={searchCounter(INPUT_LIMITS.ProjectFilter.search)}
            allowClear
            defaultValue={list.search}
            placeholder={t('pages.projects.search')}
            onSearch={list.setSearch}
            style={{ width: 240 }}
          />
          <CommunitySelect
            value={community}
            onChange={(v) => list.setFilter('community', v)}
            placeholder={t('pages.common.filterCommunity')}
          />
          <Select
            allowClear
            placeholder={t('pages.common.status')}
            aria-label={t('pages.common.status')}
            value={status}
            onChange={(v?: string) => list.setFilter('status', v)}
            options={STATUS_FILTERS.map((s) => ({
              value: s,
              label: s === 'LATE' ? t('pages.projects.late') : ENUM_LABELS.ProjectStatus[s],
            }))}
            style={{ width: 140 }}
            data-testid="project-filter-status"
          />
        </Flex>
        <ListTable<Row>
          testId="projects-table"
          rows={result.rows}
          total={result.total}
          page={list.page}
          pageSize={result.pageSize}
          loading={result.loading}
          error={result.error}
          onRetry={result.retry}
          onPageChange={list.setPage}
          onRowClick={(r) => navigate(`/cobuilding/projects/${encodeURIComponent(r.id)}`)}
          columns={columns}
        />
      </Card>
    </PageContainer>
  );
}
