// Tag colours of the wish statuses, for the status filter and the cards (their labels are generated
// from the schema: `ENUM_LABELS` in src/graphql/enumLabels.ts).
import type { MicroWishStatus } from '../../../../graphql/graphql';

export const WISH_STATUS_COLORS: Record<MicroWishStatus, string> = {
  PUBLISHED: 'red',
  CLAIMED: 'blue',
  FULFILLED: 'orange',
  CONFIRMED: 'green',
  CANCELLED: 'default',
};

/** The statuses the wall filters by (cancelled wishes are rare; "全部" shows them). */
export const WISH_FILTERS: readonly MicroWishStatus[] = ['PUBLISHED', 'CLAIMED', 'FULFILLED', 'CONFIRMED'];
