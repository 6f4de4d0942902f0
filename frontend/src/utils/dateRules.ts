import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Rule } from 'antd/es/form';

/**
 * A date field's range as a rule that says what is wrong with the date, instead of a
 * DatePicker's `disabledDate`: a disabled date typed in is dropped, and the field then shows
 * the typed text next to "请选择…" as if nothing had been entered.
 */
export function dayRange({
  earliest,
  latest,
  tooEarly,
  tooLate,
}: {
  earliest?: () => Dayjs;
  latest?: () => Dayjs;
  tooEarly?: (earliest: string) => string;
  tooLate?: (latest: string) => string;
}): Rule {
  return {
    validator: async (_rule, value: Dayjs | null | undefined) => {
      if (!value) return;
      const from = earliest?.();
      if (from && tooEarly && value.isBefore(from, 'day'))
        throw new Error(tooEarly(from.format('YYYY-MM-DD')));
      const to = latest?.();
      if (to && tooLate && value.isAfter(to, 'day')) throw new Error(tooLate(to.format('YYYY-MM-DD')));
    },
  };
}

export const today = () => dayjs();
