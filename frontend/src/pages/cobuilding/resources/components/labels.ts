// Tag colours of the resource kinds and statuses, for filters, forms and columns (their labels are
// generated from the schema: `ENUM_LABELS` in src/graphql/enumLabels.ts).
import type { ResourceKind, ResourceStatus } from '../../../../graphql/graphql';

export const RESOURCE_KIND_COLORS: Record<ResourceKind, string> = {
  VENUE: 'geekblue',
  FUNDS: 'gold',
  EXPERTISE: 'purple',
  STAFF_HOURS: 'cyan',
  GOODS: 'orange',
  SERVICE: 'green',
};

export const RESOURCE_STATUS_COLORS: Record<ResourceStatus, string> = {
  AVAILABLE: 'green',
  EXHAUSTED: 'orange',
  WITHDRAWN: 'default',
};
