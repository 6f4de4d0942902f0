import { Button, Card, Descriptions } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { MeetingDetailFragment } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { orNone } from '../../../../utils/format';

/**
 * The meeting's particulars: kind, community, time, venue, chair, number of invitees; `onEdit`
 * (before the meeting starts, for who may prepare it) opens 编辑会议信息.
 */
export default function MeetingInfo({
  meeting,
  onEdit,
}: {
  meeting: MeetingDetailFragment;
  onEdit?: () => void;
}) {
  const start = dayjs(meeting.startsAt);
  const end = dayjs(meeting.endsAt);
  return (
    <Card size="small">
      <Descriptions
        extra={
          onEdit ? (
            <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="meeting-edit">
              {t('pages.meetingDetail.edit')}
            </Button>
          ) : null
        }
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        data-testid="meeting-info"
        items={[
          { key: 'kind', label: t('pages.meetings.kind'), children: meeting.kindLabel },
          {
            key: 'organisation',
            label: t('pages.meetings.organisation'),
            children: meeting.organisation.name,
          },
          {
            key: 'time',
            label: t('pages.meetings.time'),
            children: `${start.format('YYYY-MM-DD HH:mm')}–${end.format(end.isSame(start, 'day') ? 'HH:mm' : 'YYYY-MM-DD HH:mm')}`,
          },
          { key: 'venue', label: t('pages.meetings.venue'), children: meeting.venue },
          { key: 'chair', label: t('pages.meetingDetail.chair'), children: orNone(meeting.chair?.name) },
          {
            key: 'invitees',
            label: t('pages.meetingDetail.inviteeCount'),
            children: meeting.attendances.length,
          },
        ]}
      />
    </Card>
  );
}
