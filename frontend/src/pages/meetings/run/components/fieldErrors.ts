import type { FormInstance } from 'antd';

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
