// Chinese labels and tag colours of the co-building enums, for selects, columns and filters.
import type { NeedSource, NeedStatus, ProjectStatus, Urgency } from '../../graphql/graphql';
import { t } from '../../locales';

export const NEED_STATUSES: Record<NeedStatus, string> = {
  SUBMITTED: t('pages.needs.statuses.SUBMITTED'),
  ACCEPTED: t('pages.needs.statuses.ACCEPTED'),
  DISPATCHED: t('pages.needs.statuses.DISPATCHED'),
  IN_PROGRESS: t('pages.needs.statuses.IN_PROGRESS'),
  SOLVED: t('pages.needs.statuses.SOLVED'),
  CLOSED: t('pages.needs.statuses.CLOSED'),
  REJECTED: t('pages.needs.statuses.REJECTED'),
  MERGED: t('pages.needs.statuses.MERGED'),
};

export const NEED_SOURCES: Record<NeedSource, string> = {
  RESIDENT: t('pages.needs.sources.RESIDENT'),
  GRID_WORKER: t('pages.needs.sources.GRID_WORKER'),
  OPINION_COLLECTOR: t('pages.needs.sources.OPINION_COLLECTOR'),
  STAFF: t('pages.needs.sources.STAFF'),
};

export const URGENCIES: Record<Urgency, string> = {
  LOW: t('pages.needs.urgencies.LOW'),
  MEDIUM: t('pages.needs.urgencies.MEDIUM'),
  HIGH: t('pages.needs.urgencies.HIGH'),
};

export const URGENCY_COLORS: Record<Urgency, string> = { LOW: 'default', MEDIUM: 'orange', HIGH: 'red' };

/** The categories on the needs list (the API takes any text; these are the usual ones). */
export const NEED_CATEGORIES = [
  '基础设施',
  '交通出行',
  '养老服务',
  '环境卫生',
  '教育助学',
  '文体活动',
  '安全生产',
  '法律服务',
];

export const PROJECT_STATUSES: Record<ProjectStatus, string> = {
  PLANNED: t('pages.projects.statuses.PLANNED'),
  IN_PROGRESS: t('pages.projects.statuses.IN_PROGRESS'),
  DONE: t('pages.projects.statuses.DONE'),
  EVALUATED: t('pages.projects.statuses.EVALUATED'),
};

export function projectColor(status: ProjectStatus, late: boolean): string {
  if (late) return 'red';
  return { PLANNED: 'default', IN_PROGRESS: 'processing', DONE: 'success', EVALUATED: 'purple' }[status];
}

export const yuan = (amount: number) =>
  `¥${amount.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
