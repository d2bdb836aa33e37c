import { formatDateVi } from '@accord/domain';

/** Vietnamese paperwork writes dates as dd/mm/yyyy; Accord does so in both languages. */
export const DATE_FORMAT = 'DD/MM/YYYY';
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** An ISO date (yyyy-mm-dd) as dd/mm/yyyy; empty for none. */
export function formatDate(iso: string | null | undefined): string {
  return formatDateVi(iso);
}

// Made on first use, not when the module loads: the first formatter with a time zone costs tens
// of milliseconds (the time-zone data), which pages without timestamps need not pay.
let dateTimeParts: Intl.DateTimeFormat | null = null;

/** A timestamp as dd/mm/yyyy HH:mm in Vietnam's time zone, wherever the browser is. */
export function formatDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  dateTimeParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = dateTimeParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** A period as "dd/mm/yyyy – dd/mm/yyyy"; either end may be open. */
export function formatPeriod(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return '';
  return `${formatDate(start) || '…'} – ${formatDate(end) || '…'}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value);
}

/** Vietnam keeps UTC+7 all year (no daylight saving since 1975). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * Today in Vietnam as yyyy-mm-dd. Worked out from the fixed offset rather than with Intl: a plan
 * asks on every row whether a task is overdue, and a time-zone formatter is slow to make.
 */
export function todayIso(): string {
  return new Date(Date.now() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
