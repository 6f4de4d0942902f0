// Chinese labels and tag colours of the resource kinds and statuses, for filters, forms and columns.
import type { ResourceKind, ResourceStatus } from '../../../../graphql/graphql';
import { t } from '../../../../locales';

export const RESOURCE_KINDS: Record<ResourceKind, string> = {
  VENUE: t('pages.resources.kinds.VENUE'),
  FUNDS: t('pages.resources.kinds.FUNDS'),
  EXPERTISE: t('pages.resources.kinds.EXPERTISE'),
  STAFF_HOURS: t('pages.resources.kinds.STAFF_HOURS'),
  GOODS: t('pages.resources.kinds.GOODS'),
  SERVICE: t('pages.resources.kinds.SERVICE'),
};

export const RESOURCE_KIND_COLORS: Record<ResourceKind, string> = {
  VENUE: 'geekblue',
  FUNDS: 'gold',
  EXPERTISE: 'purple',
  STAFF_HOURS: 'cyan',
  GOODS: 'orange',
  SERVICE: 'green',
};

export const RESOURCE_STATUSES: Record<ResourceStatus, string> = {
  AVAILABLE: t('pages.resources.statuses.AVAILABLE'),
  EXHAUSTED: t('pages.resources.statuses.EXHAUSTED'),
  WITHDRAWN: t('pages.resources.statuses.WITHDRAWN'),
};

export const RESOURCE_STATUS_COLORS: Record<ResourceStatus, string> = {
  AVAILABLE: 'green',
  EXHAUSTED: 'orange',
  WITHDRAWN: 'default',
};

/** The usual categories (the API takes any text). */
export const RESOURCE_CATEGORIES = ['场地设施', '资金支持', '专业服务', '志愿服务', '物资保障', '便民服务'];
