import dayjs from 'dayjs';
import { t } from '../locales';

/** Mask a mobile number as 138****5678. The API already masks; this guards against raw values. */
export function maskMobile(mobile: string | null | undefined): string {
  if (!mobile) return t('pages.common.none');
  const digits = mobile.replace(/\s+/g, '');
  if (/^\d{11}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return mobile;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return t('pages.common.none');
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : value;
}

/** A DateTime from the API (ISO 8601 with offset) in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return t('pages.common.none');
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : value;
}

export function formatRange(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return t('pages.common.none');
  return `${start ? formatDate(start) : '…'} 至 ${end ? formatDate(end) : '…'}`;
}

export function orNone(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? t('pages.common.none') : String(value);
}

/** A stable tag colour for status values. */
export function statusColor(status: string | null | undefined): string {
  const s = (status ?? '').toUpperCase();
  if (
    /(ACTIVE|DONE|COMPLETED|FULFILLED|CLOSED|SIGNED|IN_FORCE|APPROVED|PUBLISHED|HELD|VALID|CONFIRMED)/.test(s)
  )
    return 'green';
  if (/(PROGRESS|OPEN|MATCHED|CLAIMED|SCHEDULED|PLANNED|ONGOING|PENDING|SUBMITTED|DRAFT)/.test(s))
    return 'blue';
  if (/(OVERDUE|LATE|REJECTED|CANCELLED|EXPIRED|TERMINATED|SUSPENDED|REVOKED)/.test(s)) return 'red';
  return 'default';
}

/** A meeting's time: "2026-12-17 09:30–11:30" (the end's date only when it is another day). */
export function formatMeetingTime(start: string, end: string): string {
  const s = dayjs(start);
  const e = dayjs(end);
  return `${s.format('YYYY-MM-DD HH:mm')}–${e.format(e.isSame(s, 'day') ? 'HH:mm' : 'YYYY-MM-DD HH:mm')}`;
}
