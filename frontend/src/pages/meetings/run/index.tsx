import { useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  List,
  Popconfirm,
  QRCode,
  Row,
  Space,
  Statistic,
  Steps,
  Tag,
  Typography,
} from 'antd';
import {
  ArrowLeftOutlined,
  LeftOutlined,
  PlayCircleOutlined,
  ReloadOutlined,
  RightOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, type CombinedError } from 'urql';
import EmptyState from '../../../components/EmptyState';
import NotFound from '../../../components/NotFound';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import type { MeetingRunFragment } from '../../../graphql/graphql';
import { t } from '../../../locales';
import { describeError, isNotFound } from '../../../providers/errorHandler';
import { formatDate, formatMeetingTime } from '../../../utils/format';
import { ACTION_ITEM_STATUS_COLORS, MEETING_STATUS_COLORS } from '../labels';
import ActionItemForm, { type ActionItemValues } from './components/ActionItemForm';
import AttendancePanel, { type RecordedStatus } from './components/AttendancePanel';
import DecisionForm, { type DecisionValues } from './components/DecisionForm';
import type { ApiErrors } from '../../../utils/fieldErrors';
import {
  ActionItemCreateMutation,
  AttendanceRecordMutation,
  CommunityUnitsQuery,
  DecisionRecordMutation,
  JointMeetingCloseMutation,
  JointMeetingStartMutation,
  MeetingRunQuery,
} from './queries';

type Meeting = MeetingRunFragment;

/** The sign-in link the meeting's QR code carries. */
export function signInUrl(meetingId: string, code: string): string {
  return `${window.location.origin}/meetings/${encodeURIComponent(meetingId)}/sign-in?code=${encodeURIComponent(code)}`;
}

/** 联席会议 › 会议进行: start, attendance, decisions and action items, close (tablet-friendly). */
export default function MeetingRunPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeetingRunQuery, variables: { id } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const meeting = data?.node?.__typename === 'JointMeeting' ? data.node : null;

  const breadcrumb = [
    { title: t('menu.meetings') },
    { title: t('menu.meetings.list'), to: '/meetings' },
    { title: t('menu.meetings.run') },
  ];
  const back = (
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate(meeting ? `/meetings/${encodeURIComponent(meeting.id)}` : '/meetings')}
      data-testid="meeting-run-back"
    >
      {t('pages.meetingRun.back')}
    </Button>
  );
  const shell = (children: ReactNode) => (
    <PageContainer
      title={t('menu.meetings.run')}
      breadcrumb={breadcrumb}
      extra={back}
      testId="meeting-run-page"
    >
      <Card>{children}</Card>
    </PageContainer>
  );

  if (fetching && !data) return shell(<PageLoading rows={12} />);
  if (!meeting && error && !isNotFound(error)) return shell(<QueryError error={error} onRetry={reload} />);
  if (!meeting) return shell(<NotFound backTo="/meetings" />);
  return (
    <MeetingRun key={meeting.id} meeting={meeting} refreshing={fetching} onReload={reload} back={back} />
  );
}

function MeetingRun({
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
  const { message } = App.useApp();
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState(0);

  const mayManage = meeting.viewerCanManage;
  const inSession = meeting.status === 'IN_SESSION';
  const items = [...meeting.agendaItems].sort((a, b) => a.position - b.position);
  const item = items[Math.min(current, items.length - 1)] ?? null;

  const [unitsResult] = useQuery({
    query: CommunityUnitsQuery,
    variables: { organisation: meeting.organisation.id },
    pause: !mayManage || !inSession,
  });
  const units = unitsResult.data?.residentUnits.nodes ?? [];

  const [, start] = useMutation(JointMeetingStartMutation);
  const [, close] = useMutation(JointMeetingCloseMutation);
  const [, recordAttendance] = useMutation(AttendanceRecordMutation);
  const [, recordDecision] = useMutation(DecisionRecordMutation);
  const [, createActionItem] = useMutation(ActionItemCreateMutation);

  /** Show what a change answered: the form's errors go back to the caller; true when saved. */
  const settle = (
    result: { error?: CombinedError },
    payload: { errors: ApiErrors } | null | undefined,
    formErrors?: (errors: ApiErrors) => void,
  ): boolean => {
    if (!payload) {
      const reason = result.error ? describeError(result.error).description : t('pages.common.error.unknown');
      message.error(`${t('pages.meetingDetail.saveFailed')}：${reason}`);
      return false;
    }
    if (payload.errors.length === 0) return true;
    const conflictError = payload.errors.find((e) => e.code === 'VERSION_CONFLICT');
    if (conflictError) setConflict(conflictError.message);
    const codes = new Set(payload.errors.map((e) => e.code));
    if (codes.has('ILLEGAL_TRANSITION') || codes.has('NOT_IN_SESSION')) onReload();
    const rest = payload.errors.filter((e) => e.code !== 'VERSION_CONFLICT');
    if (formErrors) formErrors(rest);
    else if (rest.length > 0) message.error(rest.map((e) => e.message).join('；'));
    return false;
  };

  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    if (busy) return undefined;
    setBusy(true);
    try {
      return await action();
    } finally {
      setBusy(false);
    }
  };

  const onStart = () =>
    run(async () => {
      const result = await start({ input: { meeting: meeting.id, version: meeting.version } });
      if (settle(result, result.data?.jointMeetingStart)) message.success(t('pages.meetingRun.started'));
    });
  const onClose = () =>
    run(async () => {
      const result = await close({ input: { meeting: meeting.id, version: meeting.version } });
      if (settle(result, result.data?.jointMeetingClose)) message.success(t('pages.meetingRun.closed'));
    });
  const onRecord = async (person: string, status: RecordedStatus, proxyName?: string) =>
    (await run(async () => {
      const result = await recordAttendance({
        input: { meeting: meeting.id, person, status, proxyName: proxyName ?? null },
      });
      return settle(result, result.data?.attendanceRecord);
    })) ?? false;

  const onDecision = async (values: DecisionValues): Promise<ApiErrors> => {
    if (!item) return [];
    let formErrors: ApiErrors = [];
    await run(async () => {
      const result = await recordDecision({
        input: {
          item: item.id,
          outcome: values.outcome,
          text: values.text,
          discussionNotes: values.discussionNotes ?? null,
          votesFor: values.votesFor ?? null,
          votesAgainst: values.votesAgainst ?? null,
          votesAbstain: values.votesAbstain ?? null,
        },
      });
      if (settle(result, result.data?.decisionRecord, (e) => (formErrors = e))) {
        message.success(t('pages.meetingRun.decision.saved'));
        onReload();
      }
    });
    return formErrors;
  };

  const onActionItem = async (values: ActionItemValues): Promise<ApiErrors> => {
    const decision = item?.decision;
    if (!decision) return [];
    let formErrors: ApiErrors = [];
    await run(async () => {
      const result = await createActionItem({
        input: {
          decision: decision.id,
          title: values.title,
          ownerUnit: values.ownerUnit ?? null,
          dueOn: values.dueOn.format('YYYY-MM-DD'),
          expectedResult: values.expectedResult ?? null,
        },
      });
      if (settle(result, result.data?.actionItemCreate, (e) => (formErrors = e))) {
        message.success(t('pages.meetingRun.action.saved'));
        onReload();
      }
    });
    return formErrors;
  };

  const { quorum } = meeting;
  const actions = mayManage ? (
    <Space wrap>
      {meeting.status === 'PUBLISHED' ? (
        <Popconfirm
          title={t('pages.meetingRun.start.confirm')}
          okText={t('pages.common.confirm')}
          cancelText={t('pages.common.cancel')}
          onConfirm={onStart}
        >
          <Button
            type="primary"
            size="large"
            icon={<PlayCircleOutlined />}
            loading={busy}
            data-testid="meeting-start"
          >
            {t('pages.meetingRun.start')}
          </Button>
        </Popconfirm>
      ) : null}
      {inSession ? (
        <Popconfirm
          title={t('pages.meetingRun.close.confirm')}
          okText={t('pages.common.confirm')}
          cancelText={t('pages.common.cancel')}
          onConfirm={onClose}
        >
          <Button danger size="large" icon={<StopOutlined />} loading={busy} data-testid="meeting-close">
            {t('pages.meetingRun.close')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  ) : null;

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
          {actions}
        </Space>
      }
      testId="meeting-run-page"
    >
      {conflict ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('pages.meetingDetail.conflict.title')}
          description={conflict}
          data-testid="version-conflict"
          action={
            <Button
              icon={<ReloadOutlined />}
              loading={refreshing}
              onClick={() => {
                setConflict(null);
                onReload();
              }}
              data-testid="version-conflict-reload"
            >
              {t('pages.meetingDetail.conflict.reload')}
            </Button>
          }
        />
      ) : null}
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
      {!mayManage ? (
        <Alert type="info" showIcon title={t('pages.meetingRun.readOnly')} />
      ) : meeting.status === 'DRAFT' ? (
        <Alert type="info" showIcon title={t('pages.meetingRun.draft')} />
      ) : meeting.status === 'PUBLISHED' ? (
        <Alert
          type="info"
          showIcon
          title={t('pages.meetingRun.notStarted')}
          data-testid="meeting-run-not-started"
        />
      ) : !inSession ? (
        <Alert type="success" showIcon title={t('pages.meetingRun.ended')} data-testid="meeting-run-ended" />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {inSession && meeting.checkinCode ? (
              <Card title={t('pages.meetingRun.qr')} data-testid="meeting-qr-card">
                <Flex vertical align="center" gap={8}>
                  <QRCode
                    value={signInUrl(meeting.id, meeting.checkinCode)}
                    size={220}
                    data-testid="meeting-qr"
                  />
                  <Typography.Text type="secondary">{t('pages.meetingRun.qr.hint')}</Typography.Text>
                  <Typography.Text strong data-testid="meeting-checkin-code">
                    {t('pages.meetingRun.qr.code', { code: meeting.checkinCode })}
                  </Typography.Text>
                </Flex>
              </Card>
            ) : null}
            <Card title={t('pages.meetingRun.quorum')} data-testid="meeting-quorum">
              <Flex gap={32} wrap>
                <Statistic
                  title={t('pages.meetingRun.quorum.present')}
                  value={quorum.present}
                  suffix={`/ ${quorum.required}`}
                  styles={{ content: { color: quorum.reached ? '#389e0d' : '#cf1322' } }}
                />
                <Statistic title={t('pages.meetingRun.quorum.invited')} value={quorum.invited} />
              </Flex>
              <Tag
                color={quorum.reached ? 'green' : 'red'}
                data-testid="meeting-quorum-state"
                data-reached={quorum.reached}
              >
                {quorum.reached
                  ? t('pages.meetingRun.quorum.reached')
                  : t('pages.meetingRun.quorum.notReached')}
              </Tag>
            </Card>
            <Card title={t('pages.meetingRun.attendance')}>
              <AttendancePanel
                attendances={meeting.attendances}
                editable={mayManage && inSession}
                busy={busy}
                onRecord={onRecord}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('pages.meetingRun.agenda')} data-testid="meeting-run-agenda">
            {!item ? (
              <EmptyState description={t('pages.meetingDetail.agenda.empty')} />
            ) : (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Steps
                  size="small"
                  current={items.indexOf(item)}
                  onChange={setCurrent}
                  items={items.map((i) => ({
                    title: i.title,
                    status: i.decision ? 'finish' : i.id === item.id ? 'process' : 'wait',
                  }))}
                />
                <Flex justify="space-between" align="center" gap={8}>
                  <Button
                    size="large"
                    icon={<LeftOutlined />}
                    disabled={items.indexOf(item) === 0}
                    onClick={() => setCurrent(items.indexOf(item) - 1)}
                    data-testid="agenda-prev"
                  >
                    {t('pages.meetingRun.agenda.prev')}
                  </Button>
                  <Typography.Text type="secondary">
                    {t('pages.meetingRun.agenda.position', {
                      at: items.indexOf(item) + 1,
                      total: items.length,
                    })}
                  </Typography.Text>
                  <Button
                    size="large"
                    icon={<RightOutlined />}
                    iconPlacement="end"
                    disabled={items.indexOf(item) === items.length - 1}
                    onClick={() => setCurrent(items.indexOf(item) + 1)}
                    data-testid="agenda-next"
                  >
                    {t('pages.meetingRun.agenda.next')}
                  </Button>
                </Flex>
                <div data-testid="agenda-current">
                  <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="agenda-current-title">
                    {item.title}
                  </Typography.Title>
                  {item.description ? <Typography.Paragraph>{item.description}</Typography.Paragraph> : null}
                  {item.decision ? (
                    <Alert
                      type="success"
                      showIcon
                      data-testid="agenda-decision"
                      title={`${item.decision.outcomeLabel}：${item.decision.text}`}
                    />
                  ) : null}
                </div>
                {mayManage && inSession ? (
                  <Card size="small" title={t('pages.meetingRun.decision')}>
                    <DecisionForm item={item} busy={busy} onSubmit={onDecision} />
                  </Card>
                ) : null}
                {item.decision ? (
                  <Card size="small" title={t('pages.meetingRun.action')} data-testid="decision-action-items">
                    <List
                      dataSource={[...item.decision.actionItems]}
                      rowKey="id"
                      locale={{ emptyText: t('pages.meetingRun.action.empty') }}
                      renderItem={(a) => (
                        <List.Item data-testid="decision-action-item">
                          <Space wrap>
                            <Typography.Text strong>{a.title}</Typography.Text>
                            <Tag color={ACTION_ITEM_STATUS_COLORS[a.status]}>{a.statusLabel}</Tag>
                            <Typography.Text type="secondary">
                              {a.ownerUnit?.name ?? ''} ·{' '}
                              {t('pages.meetingRun.action.due', { date: formatDate(a.dueOn) })}
                            </Typography.Text>
                          </Space>
                        </List.Item>
                      )}
                    />
                    {mayManage && inSession ? (
                      <ActionItemForm
                        units={units}
                        unitsLoading={unitsResult.fetching}
                        busy={busy}
                        onSubmit={onActionItem}
                      />
                    ) : null}
                  </Card>
                ) : null}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
