import { Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import type { MeetingDetailFragment } from '../../../../graphql/graphql';
import EmptyState from '../../../../components/EmptyState';
import { t } from '../../../../locales';
import { orNone } from '../../../../utils/format';
import { ATTENDANCE_COLORS } from '../../labels';

type Attendance = MeetingDetailFragment['attendances'][number];

const columns: TableProps<Attendance>['columns'] = [
  { title: t('pages.meetingDetail.invitees.name'), key: 'name', render: (_, a) => a.person.name },
  { title: t('pages.meetingDetail.invitees.unit'), key: 'unit', render: (_, a) => orNone(a.unit?.name) },
  {
    title: t('pages.meetingDetail.invitees.status'),
    key: 'status',
    render: (_, a) => (
      <Tag color={ATTENDANCE_COLORS[a.status]} data-testid="invitee-status">
        {a.proxyName ? `${a.statusLabel}（${a.proxyName}）` : a.statusLabel}
      </Tag>
    ),
  },
];

/** The invitees and whether they came (the API invites the community's members and liaisons). */
export default function Invitees({ attendances }: { attendances: readonly Attendance[] }) {
  return (
    <div data-testid="meeting-invitees">
      <Table<Attendance>
        size="small"
        rowKey={(a) => `${a.person.id}:${a.unit?.id ?? ''}`}
        columns={columns}
        dataSource={[...attendances]}
        locale={{ emptyText: <EmptyState description={t('pages.meetingDetail.invitees.empty')} /> }}
        pagination={attendances.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      />
    </div>
  );
}
