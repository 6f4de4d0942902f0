// Tag colours of the co-building enums, for selects, columns and filters
// (the enum labels are generated from the schema: `ENUM_LABELS` in src/graphql/enumLabels.ts).
import type { ProjectStatus, Urgency } from '../../graphql/graphql';

export const URGENCY_COLORS: Record<Urgency, string> = { LOW: 'default', MEDIUM: 'orange', HIGH: 'red' };

export function projectColor(status: ProjectStatus, late: boolean): string {
  if (late) return 'red';
  return { PLANNED: 'default', IN_PROGRESS: 'processing', DONE: 'success', EVALUATED: 'purple' }[status];
}

export const yuan = (amount: number) =>
  `¥${amount.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
