import type { FormInstance } from 'antd';
import type { CombinedError } from 'urql';
import { t } from '../locales';
import { describeError } from '../providers/errorHandler';

export type ApiErrors = ReadonlyArray<{ field: string | null; code: string; message: string }>;

/** Show the API's field errors under the form's items; returns the errors no form item took. */
export function showFieldErrors<T>(
  form: FormInstance<T>,
  fields: readonly string[],
  errors: ApiErrors,
): ApiErrors {
  const mine = errors.filter((e) => e.field !== null && fields.includes(e.field));
  form.setFields(mine.map((e) => ({ name: e.field as never, errors: [e.message] })));
  return errors.filter((e) => !mine.includes(e));
}

interface Payload {
  errors: ApiErrors;
}

/**
 * The outcome of a mutation that returns a payload with typed `errors`: field errors go under
 * the form's items, the rest (and transport errors) to a message. True when it succeeded.
 */
export function payloadSucceeded<P extends Payload, T>(
  result: { error?: CombinedError | undefined },
  payload: P | null | undefined,
  notify: (text: string) => void,
  form?: { instance: FormInstance<T>; fields: readonly string[] },
): payload is P {
  if (!payload) {
    notify(result.error ? describeError(result.error).description : t('pages.common.error.unknown'));
    return false;
  }
  if (payload.errors.length === 0) return true;
  const rest = form ? showFieldErrors(form.instance, form.fields, payload.errors) : payload.errors;
  if (rest.length > 0) notify(rest.map((e) => e.message).join('；'));
  return false;
}
