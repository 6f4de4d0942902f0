import type { ReactNode } from 'react';
import { Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import PageContainer from '../../../../components/PageContainer';
import { t } from '../../../../locales';
import { formatMeetingTime } from '../../../../utils/format';
import { MEETING_STATUS_COLORS } from '../../labels';
import ConflictAlert from '../../detail/components/ConflictAlert';
import { useMeetingRun, type Meeting } from '../useMeetingRun';
import AgendaRunner from './AgendaRunner';
import AttendancePanel from './AttendancePanel';
import CheckinQrCard from './CheckinQrCard';
import QuorumCard from './QuorumCard';
import RunActions from './RunActions';
import RunStatusAlert from './RunStatusAlert';

/** The run screen of one meeting: start, the QR code, quorum and attendance, the agenda, close. */
export default function MeetingRun({
  meeting,
  refreshing,
  onReload,
  back,
}: {
  meeting: Meeting;
  refreshing: boolean;
  onReload: () => void;
  back: ReactNode;
}) {
  const runner = useMeetingRun(meeting, onReload);
  const { mayManage, inSession, busy } = runner;

  return (
    <PageContainer
      title={
        <Space wrap>
          <span data-testid="meeting-run-title">{meeting.title}</span>
          <Tag color={MEETING_STATUS_COLORS[meeting.status]} data-testid="meeting-status">
            {meeting.statusLabel}
          </Tag>
        </Space>
      }
      breadcrumb={[
        { title: t('menu.meetings') },
        { title: t('menu.meetings.list'), to: '/meetings' },
        { title: meeting.title, to: `/meetings/${encodeURIComponent(meeting.id)}` },
        { title: t('menu.meetings.run') },
      ]}
      extra={
        <Space wrap>
          {back}
          {mayManage ? (
            <RunActions
              status={meeting.status}
              busy={busy}
              onStart={runner.onStart}
              onClose={runner.onClose}
            />
          ) : null}
        </Space>
      }
      testId="meeting-run-page"
    >
      <ConflictAlert
        conflict={runner.conflict}
        refreshing={refreshing}
        onReload={runner.reloadAfterConflict}
      />
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'time',
              label: t('pages.meetings.time'),
              children: formatMeetingTime(meeting.startsAt, meeting.endsAt),
            },
            { key: 'venue', label: t('pages.meetings.venue'), children: meeting.venue },
          ]}
        />
      </Card>
      <RunStatusAlert status={meeting.status} mayManage={mayManage} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {inSession && meeting.checkinCode ? (
              <CheckinQrCard meetingId={meeting.id} code={meeting.checkinCode} />
            ) : null}
            <QuorumCard quorum={meeting.quorum} />
            <Card title={t('pages.meetingRun.attendance')}>
              <AttendancePanel
                attendances={meeting.attendances}
                editable={mayManage && inSession}
                busy={busy}
                onRecord={runner.onRecord}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={14}>
          <AgendaRunner
            agendaItems={meeting.agendaItems}
            recording={mayManage && inSession}
            busy={busy}
            units={runner.units}
            unitsLoading={runner.unitsLoading}
            onDecision={runner.onDecision}
            onActionItem={runner.onActionItem}
          />
        </Col>
      </Row>
    </PageContainer>
  );
}
