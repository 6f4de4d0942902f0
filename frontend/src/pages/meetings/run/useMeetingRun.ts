import { useState } from 'react';
import { App } from 'antd';
import { useMutation, useQuery, type CombinedError } from 'urql';
import type { MeetingRunFragment } from '../../../graphql/graphql';
import { t } from '../../../locales';
import { describeError } from '../../../providers/errorHandler';
import type { ApiErrors } from '../../../utils/fieldErrors';
import type { ActionItemValues } from './components/ActionItemForm';
import type { RecordedStatus } from './components/AttendancePanel';
import type { DecisionValues } from './components/DecisionForm';
import {
  ActionItemCreateMutation,
  AttendanceRecordMutation,
  CommunityUnitsQuery,
  DecisionRecordMutation,
  JointMeetingCloseMutation,
  JointMeetingStartMutation,
} from './queries';

export type Meeting = MeetingRunFragment;
export type RunAgendaItem = Meeting['agendaItems'][number];

/**
 * The changes of the meeting run screen (start, attendance, decisions, action items, close), one at
 * a time (`busy`), with their outcome shown; a version conflict is kept until the meeting is reloaded.
 */
export function useMeetingRun(meeting: Meeting, onReload: () => void) {
  const { message } = App.useApp();
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const mayManage = meeting.viewerCanManage;
  const inSession = meeting.status === 'IN_SESSION';

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

  const run = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
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

  /** Record the decision on an agenda item; returns the form's errors (empty when saved). */
  const onDecision = async (item: RunAgendaItem, values: DecisionValues): Promise<ApiErrors> => {
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

  /** Add an action item to a decision; returns the form's errors (empty when saved). */
  const onActionItem = async (decision: string, values: ActionItemValues): Promise<ApiErrors> => {
    let formErrors: ApiErrors = [];
    await run(async () => {
      const result = await createActionItem({
        input: {
          decision,
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

  return {
    mayManage,
    inSession,
    busy,
    conflict,
    /** forget the conflict and fetch the meeting again */
    reloadAfterConflict: () => {
      setConflict(null);
      onReload();
    },
    units,
    unitsLoading: unitsResult.fetching,
    onStart,
    onClose,
    onRecord,
    onDecision,
    onActionItem,
  };
}
