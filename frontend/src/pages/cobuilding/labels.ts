// Tag colours of the co-building enums and the usual categories, for selects, columns and filters
// (the enum labels are generated from the schema: `ENUM_LABELS` in src/graphql/enumLabels.ts).
import type { ProjectStatus, Urgency } from '../../graphql/graphql';

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

export function projectColor(status: ProjectStatus, late: boolean): string {
  if (late) return 'red';
  return { PLANNED: 'default', IN_PROGRESS: 'processing', DONE: 'success', EVALUATED: 'purple' }[status];
}

export const yuan = (amount: number) =>
  `¥${amount.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
