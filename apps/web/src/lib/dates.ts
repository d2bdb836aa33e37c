import { formatDateVi } from '@accord/domain';

/** Vietnamese paperwork writes dates as dd/mm/yyyy; Accord does so in both languages. */
export const DATE_FORMAT = 'DD/MM/YYYY';
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** An ISO date (yyyy-mm-dd) as dd/mm/yyyy; empty for none. */
export function formatDate(iso: string | null | undefined): string {
  return formatDateVi(iso);
}

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A timestamp as dd/mm/yyyy HH:mm in Vietnam's time zone, wherever the browser is. */
export function formatDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  const part = (type: Intl.DateTimeFormatPartTypes) => dateTimeParts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
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

/** Today in Vietnam as yyyy-mm-dd (en-CA writes dates that way). */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
