import type { ReactNode } from 'react';
import { Button, Space, Tag } from 'antd';
import { CalendarOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { MeetingDetailFragment } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { MEETING_STATUS_COLORS } from '../../labels';
import { meetingFileUrl } from './MinutesCard';

type Meeting = MeetingDetailFragment;

/** The page title: the meeting's title, status, version and latest published agenda version. */
export function MeetingTitle({
  meeting,
  latestVersion,
}: {
  meeting: Meeting;
  latestVersion: Meeting['agendaVersions'][number] | null;
}) {
  return (
    <Space wrap>
      {/* data-version: the meeting's edit counter, for the browser tests to wait on; not shown */}
      <span data-testid="meeting-detail-title" data-version={meeting.version}>
        {meeting.title}
      </span>
      <Tag color={MEETING_STATUS_COLORS[meeting.status]} data-testid="meeting-status">
        {meeting.statusLabel}
      </Tag>
      {latestVersion ? (
        <Tag color="blue" data-testid="meeting-agenda-version">
          {t('pages.meetingDetail.agendaVersion', { number: latestVersion.number })}
        </Tag>
      ) : null}
    </Space>
  );
}

/** The page actions: back, enter the run screen and the calendar invitation (once published), publish. */
export function MeetingActions({
  meeting,
  back,
  publishButton,
}: {
  meeting: Meeting;
  back: ReactNode;
  publishButton: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <Space>
      {back}
      {meeting.status !== 'DRAFT' ? (
        <Button
          icon={<PlayCircleOutlined />}
          onClick={() => navigate(`/meetings/${encodeURIComponent(meeting.id)}/run`)}
          data-testid="meeting-run-link"
        >
          {t('pages.meetingRun.enter')}
        </Button>
      ) : null}
      {meeting.status !== 'DRAFT' ? (
        <Button
          href={meetingFileUrl(meeting.id, 'invitation.ics')}
          download
          icon={<CalendarOutlined />}
          data-testid="meeting-ics"
        >
          {t('pages.meetingDetail.ics')}
        </Button>
      ) : null}
      {publishButton}
    </Space>
  );
}
