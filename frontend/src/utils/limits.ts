import type { Rule } from 'antd/es/form';
import { t } from '../locales';

import { INPUT_LIMITS } from '../graphql/inputLimits';

export { INPUT_LIMITS };

/**
 * The server's limits (src/graphql/inputLimits.ts, from the schema) as form rules and counters.
 * A field is never cut or clamped as it is typed (no `maxLength`, no InputNumber `min`/`max`/
 * `precision`): what was typed or pasted stays, the counter shows how far over it is, and the
 * rule says what to change before the form can be sent.
 */
interface TextLimit {
  readonly maxLength: number;
}

interface NumberLimit {
  readonly min?: number;
  readonly max?: number;
}

/** The counter of an Input or TextArea against its limit (`count={counter(limit)}`). */
export function counter(limit: TextLimit) {
  return { show: true, max: limit.maxLength };
}

/**
 * A search box's counter, shown only as the text nears the limit (past 80%): a long search is
 * not cut, and says by how much it is over. Every list filter's `search` has the same limit.
 */
export function searchCounter(limit: TextLimit = INPUT_LIMITS.NeedFilter.search) {
  return {
    show: ({ count, maxLength }: { count: number; maxLength?: number }) =>
      count > (maxLength ?? 0) * 0.8 ? `${count} / ${maxLength}` : null,
    max: limit.maxLength,
  };
}

/** Refuses a text longer than the limit, naming it. */
export function lengthRule(limit: TextLimit): Rule {
  return { max: limit.maxLength, message: t('pages.common.tooLong', { max: limit.maxLength }) };
}

/** Refuses each item of a list (tags) longer than the limit, and more items than allowed. */
export function itemsRule(limit: TextLimit & { readonly maxItems?: number }): Rule {
  return {
    validator: async (_rule, value: string[] | undefined) => {
      const items = value ?? [];
      if (limit.maxItems !== undefined && items.length > limit.maxItems)
        throw new Error(t('pages.common.tooMany', { max: limit.maxItems }));
      const long = items.find((item) => item.length > limit.maxLength);
      if (long !== undefined)
        throw new Error(t('pages.common.itemTooLong', { item: long, max: limit.maxLength }));
    },
  };
}

/**
 * Refuses a number outside the range, or with more decimals than the field keeps (whole
 * numbers by default; 2 for money), saying which.
 */
export function rangeRule(limit: NumberLimit, { decimals = 0 }: { decimals?: number } = {}): Rule {
  return {
    validator: async (_rule, value: number | null | undefined) => {
      if (value === null || value === undefined || inRange(limit, value, decimals)) return;
      throw new Error(rangeMessage(limit, decimals));
    },
  };
}

export function rangeMessage(limit: NumberLimit, decimals = 0): string {
  const kind = t(decimals === 0 ? 'pages.common.range.integer' : 'pages.common.range.decimals', {
    decimals,
  });
  if (limit.min !== undefined && limit.max !== undefined)
    return t('pages.common.range.between', { min: limit.min, max: limit.max, kind });
  if (limit.min !== undefined) return t('pages.common.range.atLeast', { min: limit.min, kind });
  return t('pages.common.range.atMost', { max: limit.max ?? 0, kind });
}

/** Whether a number fits the range and its decimals (for inputs outside a form). */
export function inRange(limit: NumberLimit, value: number | null | undefined, decimals = 0): boolean {
  if (value === null || value === undefined) return false;
  const scaled = value * 10 ** decimals;
  return (
    Math.abs(scaled - Math.round(scaled)) <= 1e-6 &&
    (limit.min === undefined || value >= limit.min) &&
    (limit.max === undefined || value <= limit.max)
  );
}
