// Chinese labels and tag colours of the meeting area's enums, for selects and filters (the API
// gives `…Label` fields only on the objects it returns).
import type {
  ActionItemStatus,
  DecisionOutcome,
  AgendaSource,
  AttendanceStatus,
  MeetingKind,
  MeetingStatus,
  ProposalKind,
  ProposalOrigin,
  ProposalStatus,
} from '../../graphql/graphql';
import { t } from '../../locales';

export const MEETING_KINDS: Record<MeetingKind, string> = {
  REGULAR_MONTHLY: t('pages.meetings.kinds.REGULAR_MONTHLY'),
  REGULAR_QUARTERLY: t('pages.meetings.kinds.REGULAR_QUARTERLY'),
  SPECIAL: t('pages.meetings.kinds.SPECIAL'),
  COMPOUND_DELIBERATION: t('pages.meetings.kinds.COMPOUND_DELIBERATION'),
  STREET_JOINT: t('pages.meetings.kinds.STREET_JOINT'),
};

export const MEETING_STATUSES: Record<MeetingStatus, string> = {
  DRAFT: t('pages.meetings.statuses.DRAFT'),
  PUBLISHED: t('pages.meetings.statuses.PUBLISHED'),
  IN_SESSION: t('pages.meetings.statuses.IN_SESSION'),
  CLOSED: t('pages.meetings.statuses.CLOSED'),
  MINUTES_PUBLISHED: t('pages.meetings.statuses.MINUTES_PUBLISHED'),
};

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

export const PROPOSAL_KINDS: Record<ProposalKind, string> = {
  PROPOSAL: t('pages.proposals.kinds.PROPOSAL'),
  PUBLIC_OPINION: t('pages.proposals.kinds.PUBLIC_OPINION'),
};

export const PROPOSAL_ORIGINS: Record<ProposalOrigin, string> = {
  COMMITTEE_MEMBER: t('pages.proposals.origins.COMMITTEE_MEMBER'),
  UNIT_LIAISON: t('pages.proposals.origins.UNIT_LIAISON'),
  GRID_WORKER: t('pages.proposals.origins.GRID_WORKER'),
  RESIDENT: t('pages.proposals.origins.RESIDENT'),
  STAFF: t('pages.proposals.origins.STAFF'),
};

export const PROPOSAL_STATUSES: Record<ProposalStatus, string> = {
  SUBMITTED: t('pages.proposals.statuses.SUBMITTED'),
  ACCEPTED: t('pages.proposals.statuses.ACCEPTED'),
  MERGED: t('pages.proposals.statuses.MERGED'),
  DECLINED: t('pages.proposals.statuses.DECLINED'),
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

export const DECISION_OUTCOMES: Record<DecisionOutcome, string> = {
  ADOPTED: t('pages.meetingRun.outcomes.ADOPTED'),
  ADOPTED_WITH_CHANGES: t('pages.meetingRun.outcomes.ADOPTED_WITH_CHANGES'),
  DEFERRED: t('pages.meetingRun.outcomes.DEFERRED'),
  REJECTED: t('pages.meetingRun.outcomes.REJECTED'),
};

export const ACTION_ITEM_STATUSES: Record<ActionItemStatus, string> = {
  OPEN: t('pages.actions.statuses.OPEN'),
  IN_PROGRESS: t('pages.actions.statuses.IN_PROGRESS'),
  BLOCKED: t('pages.actions.statuses.BLOCKED'),
  DONE: t('pages.actions.statuses.DONE'),
  VERIFIED: t('pages.actions.statuses.VERIFIED'),
};

export const ACTION_ITEM_STATUS_COLORS: Record<ActionItemStatus, string> = {
  OPEN: 'default',
  IN_PROGRESS: 'blue',
  BLOCKED: 'red',
  DONE: 'green',
  VERIFIED: 'purple',
};
