import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  CalendarOutlined,
  PlayCircleOutlined,
  ReloadOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, type CombinedError } from 'urql';
import NotFound from '../../../components/NotFound';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import EmptyState from '../../../components/EmptyState';
import type { MeetingDetailFragment, MeetingErrorCode } from '../../../graphql/graphql';
import { describeError, isNotFound } from '../../../providers/errorHandler';
import { t } from '../../../locales';
import { orNone } from '../../../utils/format';
import { EDITABLE_STATUSES, MEETING_STATUS_COLORS } from '../labels';
import AgendaList, { AGENDA_DROP_ID, type AgendaItem } from './components/AgendaList';
import AgendaVersions from './components/AgendaVersions';
import CandidatePanel, {
  CandidateDragPreview,
  candidateKeyOf,
  type Candidate,
} from './components/CandidatePanel';
import Invitees from './components/Invitees';
import MinutesCard, { meetingFileUrl } from './components/MinutesCard';
import ManualItemForm, {
  isManualItemField,
  type ManualItemFormHandle,
  type ManualItemValues,
} from './components/ManualItemForm';
import TimeBudget from './components/TimeBudget';
import {
  AgendaCandidatesQuery,
  AgendaItemCreateMutation,
  AgendaItemDeleteMutation,
  AgendaReorderMutation,
  JointMeetingDetailQuery,
  JointMeetingMinutesPublishMutation,
  JointMeetingMinutesUpdateMutation,
  JointMeetingPublishMutation,
} from './queries';

type Meeting = MeetingDetailFragment;
type MeetingErrors = ReadonlyArray<{ field: string | null; code: MeetingErrorCode; message: string }>;
interface Payload {
  meeting: Meeting | null;
  warnings: readonly string[];
  errors: MeetingErrors;
}

const DEFAULT_MINUTES = 10;

/** 联席会议 › 会议详情: the agenda builder of one meeting. */
export default function JointMeetingDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: JointMeetingDetailQuery,
    variables: { id },
  });
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  const breadcrumb = [
    { title: t('menu.meetings') },
    { title: t('menu.meetings.list'), to: '/meetings' },
    { title: t('menu.meetings.detail') },
  ];
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/meetings')}>
      {t('pages.common.backToList')}
    </Button>
  );
  const meeting = data?.node?.__typename === 'JointMeeting' ? data.node : null;

  if (fetching && !data) {
    return (
      <PageContainer title={t('menu.meetings.detail')} breadcrumb={breadcrumb} testId="meeting-detail-page">
        <PageLoading rows={12} />
      </PageContainer>
    );
  }
  if (!meeting && error && !isNotFound(error)) {
    return (
      <PageContainer title={t('menu.meetings.detail')} breadcrumb={breadcrumb} testId="meeting-detail-page">
        <Card>
          <QueryError error={error} onRetry={reload} />
        </Card>
      </PageContainer>
    );
  }
  if (!meeting) {
    return (
      <PageContainer
        title={t('menu.meetings.detail')}
        breadcrumb={breadcrumb}
        extra={back}
        testId="meeting-detail-page"
      >
        <Card>
          <NotFound backTo="/meetings" />
        </Card>
      </PageContainer>
    );
  }
  return (
    <AgendaBuilder key={meeting.id} fetched={meeting} refreshing={fetching} onReload={reload} back={back} />
  );
}

/** The (title, minutes) of each item of an agenda version (its `items` JSON). */
function versionItems(items: unknown): string {
  if (!Array.isArray(items)) return '';
  return JSON.stringify(
    items.map((x: unknown) =>
      x && typeof x === 'object'
        ? [(x as { title?: unknown }).title, (x as { minutes?: unknown }).minutes]
        : null,
    ),
  );
}

function AgendaBuilder({
  fetched,
  refreshing,
  onReload,
  back,
}: {
  fetched: Meeting;
  refreshing: boolean;
  onReload: () => void;
  back: ReactNode;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();

  // The newest of what was fetched and what the last change answered (the API's version decides).
  const [saved, setSaved] = useState<Meeting | null>(null);
  const meeting = saved && saved.version > fetched.version ? saved : fetched;
  /** the API's warnings from the last change (null: none made since the page was loaded) */
  const [warnings, setWarnings] = useState<readonly string[] | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** the order shown while a reordering is being saved */
  const [pendingOrder, setPendingOrder] = useState<string[] | null>(null);
  const [candidateMinutes, setCandidateMinutes] = useState(DEFAULT_MINUTES);
  /** candidates just added (hidden until the list is fetched again) */
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const [dragging, setDragging] = useState<UniqueIdentifier | null>(null);
  const [overAgenda, setOverAgenda] = useState(false);
  const manualForm = useRef<ManualItemFormHandle>(null);

  const mayManage = meeting.viewerCanManage;
  const statusEditable = EDITABLE_STATUSES.includes(meeting.status);
  const canEdit = mayManage && statusEditable;

  const [candidatesResult, reexecuteCandidates] = useQuery({
    query: AgendaCandidatesQuery,
    variables: { community: meeting.organisation.id, before: meeting.startsAt },
    pause: !canEdit,
  });
  const refetchCandidates = () => reexecuteCandidates({ requestPolicy: 'network-only' });
  const candidates = useMemo(
    () => (candidatesResult.data?.agendaCandidates ?? []).filter((c) => !added.has(c.candidateKey)),
    [candidatesResult.data, added],
  );

  const [, createItem] = useMutation(AgendaItemCreateMutation);
  const [, reorderItems] = useMutation(AgendaReorderMutation);
  const [, deleteItem] = useMutation(AgendaItemDeleteMutation);
  const [, publishAgenda] = useMutation(JointMeetingPublishMutation);
  const [, updateMinutes] = useMutation(JointMeetingMinutesUpdateMutation);
  const [, publishMinutes] = useMutation(JointMeetingMinutesPublishMutation);

  const items = useMemo(() => {
    const ordered = [...meeting.agendaItems].sort((a, b) => a.position - b.position);
    if (!pendingOrder) return ordered;
    const byId = new Map(ordered.map((i) => [i.id, i]));
    return pendingOrder.map((id) => byId.get(id)).filter((i): i is AgendaItem => Boolean(i));
  }, [meeting.agendaItems, pendingOrder]);
  const itemIds = items.map((i) => i.id);

  const versions = meeting.agendaVersions;
  const latestVersion = versions.reduce<Meeting['agendaVersions'][number] | null>(
    (a, v) => (!a || v.number > a.number ? v : a),
    null,
  );
  const unpublished =
    meeting.status === 'PUBLISHED' &&
    latestVersion !== null &&
    versionItems(latestVersion.items) !== JSON.stringify(items.map((i) => [i.title, i.minutesAllotted]));

  const refresh = () => {
    setConflict(null);
    setWarnings(null);
    setSaved(null);
    setPendingOrder(null);
    setAdded(new Set());
    onReload();
    if (canEdit) refetchCandidates();
  };

  /** Show what a change answered; returns the meeting as saved, or null (errors already shown). */
  const settle = (
    result: { error?: CombinedError },
    payload: Payload | undefined,
    fieldErrors?: (errors: MeetingErrors) => MeetingErrors,
  ): Meeting | null => {
    if (!payload) {
      const reason = result.error ? describeError(result.error).description : t('pages.common.error.unknown');
      message.error(`${t('pages.meetingDetail.saveFailed')}：${reason}`);
      return null;
    }
    if (payload.errors.length > 0) {
      const codes = new Set(payload.errors.map((e) => e.code));
      const conflictError = payload.errors.find((e) => e.code === 'VERSION_CONFLICT');
      if (conflictError) setConflict(conflictError.message);
      if (codes.has('UNKNOWN_CANDIDATE')) {
        setAdded(new Set());
        refetchCandidates();
      }
      if (codes.has('NOT_EDITABLE') || codes.has('ILLEGAL_TRANSITION')) onReload();
      const rest = (fieldErrors ? fieldErrors(payload.errors) : payload.errors).filter(
        (e) => e.code !== 'VERSION_CONFLICT',
      );
      if (rest.length > 0) message.error(rest.map((e) => e.message).join('；'));
      return null;
    }
    if (payload.meeting) {
      setSaved(payload.meeting);
      setWarnings(payload.warnings);
    }
    return payload.meeting;
  };

  const saveOrder = async (target: Meeting, order: string[]) => {
    setPendingOrder(order);
    const result = await reorderItems({
      input: { meeting: target.id, version: target.version, items: order },
    });
    const next = settle(result, result.data?.agendaReorder);
    setPendingOrder(null);
    return next;
  };

  const move = async (from: number, to: number) => {
    if (busy || to < 0 || to >= items.length || from === to) return;
    setBusy(true);
    await saveOrder(meeting, arrayMove(itemIds, from, to));
    setBusy(false);
  };

  /** Add a candidate, at the end or (dropped on an item) in that item's place. */
  const addCandidate = async (candidate: Candidate, at?: number) => {
    if (busy) return;
    setBusy(true);
    const before = new Set(meeting.agendaItems.map((i) => i.id));
    const result = await createItem({
      input: {
        meeting: meeting.id,
        version: meeting.version,
        candidateKey: candidate.candidateKey,
        minutesAllotted: candidateMinutes,
      },
    });
    const next = settle(result, result.data?.agendaItemCreate);
    if (next) {
      setAdded((s) => new Set(s).add(candidate.candidateKey));
      refetchCandidates();
      message.success(t('pages.meetingDetail.agenda.added'));
      const ids = [...next.agendaItems].sort((a, b) => a.position - b.position).map((i) => i.id);
      const created = ids.find((i) => !before.has(i));
      if (created && at !== undefined && at < ids.length - 1) {
        const order = ids.filter((i) => i !== created);
        order.splice(at, 0, created);
        await saveOrder(next, order);
      }
    }
    setBusy(false);
  };

  const addManual = async (values: ManualItemValues) => {
    if (busy) return;
    setBusy(true);
    const result = await createItem({
      input: {
        meeting: meeting.id,
        version: meeting.version,
        title: values.title,
        description: values.description ?? null,
        presenter: values.presenter ?? null,
        minutesAllotted: values.minutesAllotted,
      },
    });
    const next = settle(result, result.data?.agendaItemCreate, (errors) => {
      manualForm.current?.setErrors(
        errors.flatMap((e) => (isManualItemField(e.field) ? [{ field: e.field, message: e.message }] : [])),
      );
      return errors.filter((e) => !isManualItemField(e.field));
    });
    if (next) {
      manualForm.current?.reset();
      message.success(t('pages.meetingDetail.agenda.added'));
    }
    setBusy(false);
  };

  const remove = async (item: AgendaItem) => {
    if (busy) return;
    setBusy(true);
    const result = await deleteItem({
      input: { meeting: meeting.id, version: meeting.version, item: item.id },
    });
    if (settle(result, result.data?.agendaItemDelete)) {
      // A candidate's item may be a candidate again.
      setAdded(new Set());
      refetchCandidates();
      message.success(t('pages.meetingDetail.agenda.deleted'));
    }
    setBusy(false);
  };

  const publish = async () => {
    if (busy) return;
    setBusy(true);
    const result = await publishAgenda({ input: { meeting: meeting.id, version: meeting.version } });
    const next = settle(result, result.data?.jointMeetingPublish);
    if (next) {
      const number = Math.max(0, ...next.agendaVersions.map((v) => v.number));
      message.success(t('pages.meetingDetail.publish.success', { number }));
    }
    setBusy(false);
  };

  const saveMinutes = async (text: string): Promise<string | null> => {
    if (busy) return null;
    setBusy(true);
    let fieldError: string | null = null;
    const result = await updateMinutes({
      input: { meeting: meeting.id, version: meeting.version, minutesText: text },
    });
    const next = settle(result, result.data?.jointMeetingMinutesUpdate, (errors) => {
      fieldError = errors.find((e) => e.field === 'minutesText')?.message ?? null;
      return errors.filter((e) => e.field !== 'minutesText');
    });
    if (next) message.success(t('pages.meetingDetail.minutes.saved'));
    setBusy(false);
    return fieldError;
  };

  const onPublishMinutes = async () => {
    if (busy) return;
    setBusy(true);
    const result = await publishMinutes({ input: { meeting: meeting.id, version: meeting.version } });
    if (settle(result, result.data?.jointMeetingMinutesPublish))
      message.success(t('pages.meetingDetail.minutes.published'));
    setBusy(false);
  };
  const hasMinutes = meeting.status === 'CLOSED' || meeting.status === 'MINUTES_PUBLISHED';

  // Drag and drop: agenda items are sorted among themselves; candidates are dropped into the agenda.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const collisionDetection: CollisionDetection = (args) => {
    if (candidateKeyOf(args.active.id)) {
      const hits = pointerWithin(args);
      const onItem = hits.find((h) => h.id !== AGENDA_DROP_ID);
      return onItem ? [onItem] : hits;
    }
    return closestCenter({
      ...args,
      droppableContainers: args.droppableContainers.filter((c) => c.id !== AGENDA_DROP_ID),
    });
  };
  const titleOf = (dragId: UniqueIdentifier | undefined | null): string => {
    if (dragId === undefined || dragId === null) return '';
    if (dragId === AGENDA_DROP_ID) return t('pages.meetingDetail.agenda');
    const key = candidateKeyOf(dragId);
    if (key) return candidates.find((c) => c.candidateKey === key)?.title ?? '';
    return items.find((i) => i.id === dragId)?.title ?? '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('pages.meetingDetail.dnd.start', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? over.id === AGENDA_DROP_ID
          ? t('pages.meetingDetail.dnd.overAgenda', { title: titleOf(active.id) })
          : t('pages.meetingDetail.dnd.over', { title: titleOf(active.id), target: titleOf(over.id) })
        : undefined,
    onDragEnd: ({ active }) => t('pages.meetingDetail.dnd.end', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('pages.meetingDetail.dnd.cancel', { title: titleOf(active.id) }),
  };
  const onDragStart = ({ active }: DragStartEvent) => setDragging(active.id);
  const onDragOver = ({ active, over }: DragOverEvent) =>
    setOverAgenda(
      Boolean(candidateKeyOf(active.id)) &&
        over !== null &&
        (over.id === AGENDA_DROP_ID || itemIds.includes(String(over.id))),
    );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    setOverAgenda(false);
    if (!over) return;
    const key = candidateKeyOf(active.id);
    if (key) {
      const candidate = candidates.find((c) => c.candidateKey === key);
      if (!candidate) return;
      const at = itemIds.indexOf(String(over.id));
      if (over.id === AGENDA_DROP_ID) void addCandidate(candidate);
      else if (at >= 0) void addCandidate(candidate, at);
      return;
    }
    const from = itemIds.indexOf(String(active.id));
    const to = itemIds.indexOf(String(over.id));
    if (from >= 0 && to >= 0 && from !== to) void move(from, to);
  };
  const draggedCandidate = dragging
    ? candidates.find((c) => c.candidateKey === candidateKeyOf(dragging))
    : undefined;

  const presenters = useMemo(() => {
    const seen = new Map<string, string>();
    if (meeting.chair) seen.set(meeting.chair.id, meeting.chair.name);
    for (const a of meeting.attendances)
      if (!seen.has(a.person.id))
        seen.set(a.person.id, a.unit ? `${a.person.name}（${a.unit.name}）` : a.person.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [meeting.chair, meeting.attendances]);

  const start = dayjs(meeting.startsAt);
  const end = dayjs(meeting.endsAt);
  const inviteeCount = meeting.attendances.length;
  // Publishing an unchanged agenda again would only notify everyone of nothing.
  const publishBlocked =
    items.length === 0
      ? t('pages.meetingDetail.publish.empty')
      : meeting.status === 'PUBLISHED' && !unpublished
        ? t('pages.meetingDetail.publish.unchanged')
        : null;
  const publishButton = canEdit ? (
    <Popconfirm
      title={
        meeting.status === 'DRAFT'
          ? t('pages.meetingDetail.publish.confirm', { count: inviteeCount })
          : t('pages.meetingDetail.republish.confirm', { count: inviteeCount })
      }
      okText={t('pages.common.confirm')}
      cancelText={t('pages.common.cancel')}
      onConfirm={publish}
      disabled={publishBlocked !== null || busy}
    >
      <Button
        type="primary"
        icon={<SendOutlined />}
        disabled={publishBlocked !== null || busy}
        title={publishBlocked ?? undefined}
        data-testid="agenda-publish"
      >
        {meeting.status === 'DRAFT' ? t('pages.meetingDetail.publish') : t('pages.meetingDetail.republish')}
      </Button>
    </Popconfirm>
  ) : null;

  return (
    <PageContainer
      title={
        <Space wrap>
          <span data-testid="meeting-detail-title">{meeting.title}</span>
          <Tag color={MEETING_STATUS_COLORS[meeting.status]} data-testid="meeting-status">
            {meeting.statusLabel}
          </Tag>
          <Tag data-testid="meeting-version">
            {t('pages.meetingDetail.version', { version: meeting.version })}
          </Tag>
          {latestVersion ? (
            <Tag color="blue" data-testid="meeting-agenda-version">
              {t('pages.meetingDetail.agendaVersion', { number: latestVersion.number })}
            </Tag>
          ) : null}
        </Space>
      }
      breadcrumb={[
        { title: t('menu.meetings') },
        { title: t('menu.meetings.list'), to: '/meetings' },
        { title: meeting.title },
      ]}
      extra={
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
      }
      testId="meeting-detail-page"
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
              onClick={refresh}
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
            { key: 'invitees', label: t('pages.meetingDetail.inviteeCount'), children: inviteeCount },
          ]}
        />
      </Card>
      {hasMinutes ? (
        <MinutesCard
          meetingId={meeting.id}
          status={meeting.status}
          minutesText={meeting.minutesText ?? null}
          editable={mayManage}
          busy={busy}
          onSave={saveMinutes}
          onPublish={() => void onPublishMinutes()}
        />
      ) : null}
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          setDragging(null);
          setOverAgenda(false);
        }}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('pages.meetingDetail.dnd.instructions') },
        }}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card
                title={t('pages.meetingDetail.agenda')}
                extra={
                  unpublished ? (
                    <Tag color="orange" data-testid="agenda-unpublished">
                      {t('pages.meetingDetail.agenda.unpublished')}
                    </Tag>
                  ) : null
                }
                data-testid="agenda-card"
              >
                <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                  {mayManage && !statusEditable ? (
                    <Alert
                      type="info"
                      showIcon
                      title={t('pages.meetingDetail.agenda.readOnly', { status: meeting.statusLabel })}
                    />
                  ) : null}
                  <TimeBudget
                    allotted={meeting.allottedMinutes}
                    length={meeting.lengthMinutes}
                    warnings={warnings}
                  />
                  <AgendaList
                    items={items}
                    editable={canEdit}
                    busy={busy}
                    highlight={overAgenda}
                    onMove={(from, to) => void move(from, to)}
                    onDelete={(item) => void remove(item)}
                    empty={<EmptyState description={t('pages.meetingDetail.agenda.empty')} />}
                  />
                </Space>
              </Card>
              {canEdit ? (
                <Card title={t('pages.meetingDetail.manual')} data-testid="manual-item-card">
                  <ManualItemForm ref={manualForm} presenters={presenters} busy={busy} onSubmit={addManual} />
                </Card>
              ) : null}
              <Card title={t('pages.meetingDetail.versions')} data-testid="agenda-versions-card">
                <AgendaVersions versions={versions} />
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {canEdit ? (
                <Card
                  title={t('pages.meetingDetail.candidates')}
                  extra={
                    candidates.length > 0 ? (
                      <Typography.Text type="secondary">
                        {t('pages.common.total', { total: candidates.length })}
                      </Typography.Text>
                    ) : null
                  }
                >
                  <CandidatePanel
                    candidates={candidates}
                    loading={candidatesResult.fetching}
                    error={candidatesResult.error ?? null}
                    onRetry={refetchCandidates}
                    busy={busy}
                    minutes={candidateMinutes}
                    onMinutesChange={setCandidateMinutes}
                    onAdd={(c) => void addCandidate(c)}
                  />
                </Card>
              ) : null}
              <Card title={t('pages.meetingDetail.invitees', { count: inviteeCount })}>
                <Invitees attendances={meeting.attendances} />
              </Card>
            </Space>
          </Col>
        </Row>
        <DragOverlay dropAnimation={null}>
          {draggedCandidate ? <CandidateDragPreview candidate={draggedCandidate} /> : null}
        </DragOverlay>
      </DndContext>
    </PageContainer>
  );
}
