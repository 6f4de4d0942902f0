import { useMemo, useState } from 'react';
import { App, Button, Card, Segmented, Select, Tag } from 'antd';
import type { TableProps } from 'antd';
import { CalendarOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import ListTable from '../../../components/ListTable';
import ListToolbar from '../../../components/ListToolbar';
import PageContainer from '../../../components/PageContainer';
import type { JointMeetingFilter, MeetingListRowFragment as Row } from '../../../graphql/graphql';
import { ENUM_LABELS } from '../../../graphql/enumLabels';
import { useAllNodes } from '../../../hooks/useAllNodes';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { useAccess } from '../../../providers/AuthProvider';
import { t } from '../../../locales';
import { orNone } from '../../../utils/format';
import { MEETING_STATUS_COLORS, isKey, optionsOf } from '../labels';
import MeetingCalendar from './components/MeetingCalendar';
import MeetingCreateModal, { type CreatedMeeting } from './components/MeetingCreateModal';
import { JointMeetingCalendarQuery, JointMeetingListQuery } from './queries';

const FILTER_KEYS = ['community', 'kind', 'status', 'view', 'date'] as const;
type View = 'list' | 'calendar';

/** The time of a meeting: 2026-12-17 09:30–11:30 (or with the end day when it runs past midnight). */
function meetingTime(row: Pick<Row, 'startsAt' | 'endsAt'>): string {
  const start = dayjs(row.startsAt);
  const end = dayjs(row.endsAt);
  return `${start.format('YYYY-MM-DD HH:mm')}–${end.format(end.isSame(start, 'day') ? 'HH:mm' : 'YYYY-MM-DD HH:mm')}`;
}

/** 联席会议 › 会议安排: the meetings as a list or a month calendar; conveners create meetings here. */
export default function JointMeetingListPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { canManageMeetings } = useAccess();
  const list = useListParams(FILTER_KEYS);
  const { community, kind, status, date } = list.filters;
  const view: View = list.filters.view === 'calendar' ? 'calendar' : 'list';
  const [creating, setCreating] = useState(false);

  const filter = useMemo(
    () =>
      ({
        search: list.search || null,
        organisation: community ?? null,
        kind: isKey(ENUM_LABELS.MeetingKind, kind) ? kind : null,
        status: isKey(ENUM_LABELS.MeetingStatus, status) ? status : null,
      }) satisfies JointMeetingFilter,
    [list.search, community, kind, status],
  );
  const variables = useMemo(() => ({ filter }), [filter]);

  const paged = usePagedConnection({
    query: JointMeetingListQuery,
    variables,
    select: (d) => d.jointMeetings,
    page: list.page,
    pageSize: list.pageSize,
  });
  const calendar = useAllNodes(JointMeetingCalendarQuery, (d) => d.jointMeetings, variables, {
    pause: view !== 'calendar',
  });
  const day = date && dayjs(date).isValid() ? dayjs(date) : dayjs();

  const onCreated = (meeting: CreatedMeeting) => {
    setCreating(false);
    message.success(t('pages.meetings.create.success'));
    for (const warning of meeting.warnings) message.warning(warning);
    navigate(`/meetings/${encodeURIComponent(meeting.id)}`);
  };

  const columns: TableProps<Row>['columns'] = [
    {
      title: t('pages.common.title'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Link
          to={`/meetings/${encodeURIComponent(row.id)}`}
          data-testid="meeting-title-link"
          onClick={(e) => e.stopPropagation()}
        >
          {title}
        </Link>
      ),
    },
    { title: t('pages.meetings.kind'), dataIndex: 'kindLabel', render: (v: string) => <Tag>{v}</Tag> },
    {
      title: t('pages.meetings.organisation'),
      key: 'organisation',
      render: (_, r) => orNone(r.organisation.name),
    },
    { title: t('pages.meetings.time'), key: 'time', render: (_, r) => meetingTime(r) },
    { title: t('pages.meetings.venue'), dataIndex: 'venue' },
    {
      title: t('pages.common.status'),
      key: 'status',
      render: (_, r) => (
        <Tag color={MEETING_STATUS_COLORS[r.status]} data-testid="meeting-row-status">
          {r.statusLabel}
        </Tag>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('pages.meetings.title')}
      breadcrumb={[{ title: t('menu.meetings') }, { title: t('menu.meetings.list') }]}
      extra={
        canManageMeetings ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="meeting-create-button"
          >
            {t('pages.meetings.create')}
          </Button>
        ) : null
      }
      testId="meetings-page"
    >
      <Card>
        <ListToolbar
          search={list.search}
          onSearch={list.setSearch}
          searchPlaceholder={t('pages.meetings.searchPlaceholder')}
          community={community}
          onCommunityChange={(v) => list.setFilter('community', v)}
          testIdPrefix="meeting"
        >
          <Select
            allowClear
            placeholder={t('pages.meetings.filterKind')}
            aria-label={t('pages.meetings.filterKind')}
            data-testid="meeting-filter-kind"
            style={{ minWidth: 160 }}
            value={isKey(ENUM_LABELS.MeetingKind, kind) ? kind : undefined}
            onChange={(v: string | undefined) => list.setFilter('kind', v)}
            options={optionsOf(ENUM_LABELS.MeetingKind)}
          />
          <Select
            allowClear
            placeholder={t('pages.meetings.filterStatus')}
            aria-label={t('pages.meetings.filterStatus')}
            data-testid="meeting-filter-status"
            style={{ minWidth: 140 }}
            value={isKey(ENUM_LABELS.MeetingStatus, status) ? status : undefined}
            onChange={(v: string | undefined) => list.setFilter('status', v)}
            options={optionsOf(ENUM_LABELS.MeetingStatus)}
          />
          <Segmented<View>
            value={view}
            onChange={(v) => list.setFilter('view', v === 'calendar' ? 'calendar' : undefined)}
            options={[
              { value: 'list', label: t('pages.meetings.view.list'), icon: <UnorderedListOutlined /> },
              { value: 'calendar', label: t('pages.meetings.view.calendar'), icon: <CalendarOutlined /> },
            ]}
            style={{ marginInlineStart: 'auto' }}
            data-testid="meeting-view-toggle"
          />
        </ListToolbar>
        {view === 'calendar' ? (
          <MeetingCalendar
            meetings={calendar.nodes}
            loading={calendar.loading}
            error={calendar.error}
            onRetry={calendar.retry}
            value={day}
            onChange={(d) => list.setFilter('date', d.format('YYYY-MM-DD'))}
          />
        ) : (
          <ListTable<Row>
            testId="meetings-table"
            rows={paged.rows}
            total={paged.total}
            page={list.page}
            pageSize={paged.pageSize}
            loading={paged.loading}
            error={paged.error}
            onRetry={paged.retry}
            onPageChange={list.setPage}
            onRowClick={(row) => navigate(`/meetings/${encodeURIComponent(row.id)}`)}
            columns={columns}
            emptyText={t('pages.meetings.empty')}
          />
        )}
      </Card>
      {canManageMeetings ? (
        <MeetingCreateModal open={creating} onClose={() => setCreating(false)} onCreated={onCreated} />
      ) : null}
    </PageContainer>
  );
}
