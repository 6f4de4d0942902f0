// Chinese labels and tag colours of the wish statuses, for the status filter and the cards.
import type { MicroWishStatus } from '../../../../graphql/graphql';
import { t } from '../../../../locales';

export const WISH_STATUSES: Record<MicroWishStatus, string> = {
  PUBLISHED: t('pages.wishes.statuses.PUBLISHED'),
  CLAIMED: t('pages.wishes.statuses.CLAIMED'),
  FULFILLED: t('pages.wishes.statuses.FULFILLED'),
  CONFIRMED: t('pages.wishes.statuses.CONFIRMED'),
  CANCELLED: t('pages.wishes.statuses.CANCELLED'),
};

export const WISH_STATUS_COLORS: Record<MicroWishStatus, string> = {
  PUBLISHED: 'red',
  CLAIMED: 'blue',
  FULFILLED: 'orange',
  CONFIRMED: 'green',
  CANCELLED: 'default',
};

/** The statuses the wall filters by (cancelled wishes are rare; "全部" shows them). */
export const WISH_FILTERS: readonly MicroWishStatus[] = ['PUBLISHED', 'CLAIMED', 'FULFILLED', 'CONFIRMED'];
