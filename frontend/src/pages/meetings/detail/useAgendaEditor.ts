import { useMemo, useState, type RefObject } from 'react';
import { App } from 'antd';
import { arrayMove } from '@dnd-kit/sortable';
import { useMutation, useQuery, type CombinedError } from 'urql';
import type {
  JointMeetingUpdateInput,
  MeetingDetailFragment,
  MeetingErrorCode,
} from '../../../graphql/graphql';
import { describeError } from '../../../providers/errorHandler';
import { t } from '../../../locales';
import { EDITABLE_STATUSES } from '../labels';
import type { AgendaItem } from './components/AgendaList';
import type { Candidate } from './components/CandidatePanel';
import { isAgendaItemField, type AgendaItemValues } from './components/AgendaItemFields';
import type { ManualItemFormHandle } from './components/ManualItemForm';
import {
  AgendaCandidatesQuery,
  AgendaItemCreateMutation,
  AgendaItemDeleteMutation,
  AgendaItemUpdateMutation,
  AgendaReorderMutation,
  JointMeetingMinutesPublishMutation,
  JointMeetingMinutesUpdateMutation,
  JointMeetingPublishMutation,
  JointMeetingUpdateMutation,
} from './queries';

export type Meeting = MeetingDetailFragment;
export type MeetingErrors = ReadonlyArray<{ field: string | null; code: MeetingErrorCode; message: string }>;
interface Payload {
  meeting: Meeting | null;
  warnings: readonly string[];
  errors: MeetingErrors;
}

const DEFAULT_MINUTES = 10;

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

/**
 * The agenda builder's state and changes: the meeting (the newest of what was fetched and what the
 * last change answered), its ordered items, the candidates, and the mutations with their outcome.
 * `manualForm` is the form of manual items, which is told the API's errors and reset once added.
 */
export function useAgendaEditor(
  fetched: Meeting,
  onReload: () => void,
  manualForm: RefObject<ManualItemFormHandle | null>,
) {
  const { message } = App.useApp();

  // The newest of what was fetched and what the last change answered (the API's version decides).
  const [saved, setSaved] = useState<Meeting | null>(null);
  const meeting = saved && saved.version > fetched.version ? saved : fetched;
  /** the API's warnings from the last change (null: none made since the page was loaded) */
  const [warnings, setWarnings] = useState<readonly string[] | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** the order shown while a reordering is being saved */
  const [pendingOrder, setPendingOrder] = useState<string[] | null>(null);
  const [candidateMinutes, setCandidateMinutes] = useState<number | null>(DEFAULT_MINUTES);
  /** candidates just added (hidden until the list is fetched again) */
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());

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
  const [, updateItem] = useMutation(AgendaItemUpdateMutation);
  const [, updateMeeting] = useMutation(JointMeetingUpdateMutation);
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
        // An empty or out-of-range figure is refused by the server, with its message.
        minutesAllotted: candidateMinutes ?? 0,
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

  const addManual = async (values: AgendaItemValues) => {
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
        errors.flatMap((e) => (isAgendaItemField(e.field) ? [{ field: e.field, message: e.message }] : [])),
      );
      return errors.filter((e) => !isAgendaItemField(e.field));
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

  /** A change made in a dialog: the errors it takes go under its fields; true when saved. */
  type ShowErrors = (errors: MeetingErrors) => MeetingErrors;

  const editItem = async (item: AgendaItem, values: AgendaItemValues, showErrors: ShowErrors) => {
    if (busy) return false;
    setBusy(true);
    const result = await updateItem({
      input: {
        meeting: meeting.id,
        version: meeting.version,
        item: item.id,
        title: values.title,
        description: values.description ?? '',
        minutesAllotted: values.minutesAllotted,
        presenter: values.presenter ?? null,
      },
    });
    const next = settle(result, result.data?.agendaItemUpdate, showErrors);
    if (next) message.success(t('pages.meetingDetail.agenda.updated'));
    setBusy(false);
    return next !== null;
  };

  const editMeeting = async (
    changes: Omit<JointMeetingUpdateInput, 'meeting' | 'version'>,
    showErrors: ShowErrors,
  ) => {
    if (busy) return false;
    setBusy(true);
    const result = await updateMeeting({
      input: { meeting: meeting.id, version: meeting.version, ...changes },
    });
    const next = settle(result, result.data?.jointMeetingUpdate, showErrors);
    if (next) message.success(t('pages.meetingDetail.edit.saved'));
    setBusy(false);
    return next !== null;
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

  return {
    meeting,
    mayManage,
    statusEditable,
    canEdit,
    busy,
    warnings,
    conflict,
    refresh,
    items,
    itemIds,
    versions,
    latestVersion,
    unpublished,
    candidates,
    candidatesFetching: candidatesResult.fetching,
    candidatesError: candidatesResult.error ?? null,
    refetchCandidates,
    candidateMinutes,
    setCandidateMinutes,
    move,
    addCandidate,
    addManual,
    remove,
    editItem,
    editMeeting,
    publish,
    saveMinutes,
    publishMinutes: onPublishMinutes,
  };
}
