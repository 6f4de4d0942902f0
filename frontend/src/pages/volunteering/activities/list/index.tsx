import { useMemo, useState } from 'react';
import { Button, Card, Flex, Input, Tag } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import CommunitySelect from '../../../../components/CommunitySelect';
import ListTable from '../../../../components/ListTable';
import PageContainer from '../../../../components/PageContainer';
import { searchCounter, INPUT_LIMITS } from '../../../../utils/limits';
import type { ActivityListQuery as Result } from '../../../../graphql/graphql';
import { useListParams } from '../../../../hooks/useListParams';
import { usePagedConnection } from '../../../../hooks/usePagedConnection';
import { t } from '../../../../locales';
import { useAccess } from '../../../../providers/AuthProvider';
import { formatMeetingTime, orNone } from '../../../../utils/format';
import ActivityCreateModal from './components/ActivityCreateModal';
import { ActivityListQuery } from './queries';

type Row = Result['volunteerActivities']['edges'][number]['node'];

/** 志愿活动: what volunteers can sign up for, newest first. */
export default function ActivityListPage() {
  const navigate = useNavigate();
  const { canManageVolunteering } = useAccess();
  const list = useListParams(['community'] as const);
  const [creating, setCreating] = useState(false);
  const variables = useMemo(
    () => ({ filter: { search: list.search || null, organisation: list.filters.community ?? null } }),
    [list.search, list.filters.community],
  );
  const result = usePagedConnection({
    query: ActivityListQuery,
    variables,
    select: (d) => d.volunteerActivities,
    page: list.page,
    pageSize: list.pageSize,
  });
  const columns: TableProps<Row>['columns'] = [
    {
      title: t('pages.activities.field.title'),
      key: 'title',
      render: (_, r) => (
        <Link to={`/volunteering/activities/${encodeURIComponent(r.id)}`} data-testid="activity-link">
          {r.title}
        </Link>
      ),
    },
    {
      title: t('pages.activities.field.time'),
      key: 'time',
      render: (_, r) => formatMeetingTime(r.startsAt, r.endsAt),
    },
    { title: t('pages.activities.field.place'), dataIndex: 'place' },
    {
      title: t('pages.activities.places'),
      key: 'slots',
      render: (_, r) => `${r.slots - r.placesLeft} / ${r.slots}`,
    },
    { title: t('pages.activities.field.team'), key: 'team', render: (_, r) => orNone(r.team?.name) },
    { title: t('pages.activities.source'), key: 'project', render: (_, r) => orNone(r.project?.title) },
    { title: t('pages.common.status'), key: 'status', render: (_, r) => <Tag>{r.statusLabel}</Tag> },
  ];

  return (
    <PageContainer
      title={t('menu.volunteering.activities')}
      breadcrumb={[{ title: t('menu.volunteering') }, { title: t('menu.volunteering.activities') }]}
      extra={
        canManageVolunteering ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="activity-create-button"
          >
            {t('pages.activities.create')}
          </Button>
        ) : null
      }
      testId="activities-page"
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            count={searchCounter(INPUT_LIMITS.VolunteerActivityFilter.search)}
            allowClear
            defaultValue={list.search}
            placeholder={t('pages.activities.search')}
            onSearch={list.setSearch}
            style={{ width: 240 }}
          />
          <CommunitySelect
            value={list.filters.community}
            onChange={(v) => list.setFilter('community', v)}
            placeholder={t('pages.common.filterCommunity')}
          />
        </Flex>
        <ListTable<Row>
          testId="activities-table"
          rows={result.rows}
          total={result.total}
          page={list.page}
          pageSize={result.pageSize}
          loading={result.loading}
          error={result.error}
          onRetry={result.retry}
          onPageChange={list.setPage}
          onRowClick={(r) => navigate(`/volunteering/activities/${encodeURIComponent(r.id)}`)}
          columns={columns}
        />
      </Card>
      <ActivityCreateModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
