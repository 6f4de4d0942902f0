// Tag colours of the meeting area's enums, and helpers for selects and filters built from the
// generated labels (`ENUM_LABELS` in src/graphql/enumLabels.ts, from the schema).
import type {
  ActionItemStatus,
  AgendaSource,
  AttendanceStatus,
  MeetingStatus,
  ProposalStatus,
} from '../../graphql/graphql';

export const MEETING_STATUS_COLORS: Record<MeetingStatus, string> = {
  DRAFT: 'default',
  PUBLISHED: 'blue',
  IN_SESSION: 'orange',
  CLOSED: 'green',
  MINUTES_PUBLISHED: 'green',
};

/** The agenda may be edited (and published again) until the meeting opens. */
export const EDITABLE_STATUSES: readonly MeetingStatus[] = ['DRAFT', 'PUBLISHED'];

export const AGENDA_SOURCE_COLORS: Record<AgendaSource, string> = {
  MANUAL: 'default',
  PROPOSAL: 'purple',
  NEED: 'cyan',
  PROJECT: 'geekblue',
  ACTION_ITEM: 'red',
  DEFERRED_ITEM: 'orange',
  REGISTRATION: 'green',
  AGREEMENT: 'gold',
};

export const ATTENDANCE_COLORS: Record<AttendanceStatus, string> = {
  INVITED: 'default',
  PRESENT: 'green',
  ON_LEAVE: 'orange',
  ABSENT: 'red',
  PROXY: 'blue',
};

export const PROPOSAL_STATUS_COLORS: Record<ProposalStatus, string> = {
  SUBMITTED: 'blue',
  ACCEPTED: 'green',
  MERGED: 'purple',
  DECLINED: 'red',
};

/** Whether `value` is one of the keys of `labels` (for enum values read from the URL). */
export function isKey<K extends string>(labels: Record<K, string>, value: string | undefined): value is K {
  return value !== undefined && Object.prototype.hasOwnProperty.call(labels, value);
}

/** Select options from a label map. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export const ACTION_ITEM_STATUS_COLORS: Record<ActionItemStatus, string> = {
  OPEN: 'default',
  IN_PROGRESS: 'blue',
  BLOCKED: 'red',
  DONE: 'green',
  VERIFIED: 'purple',
};
