/** Dates as day numbers (days since 1970-01-01, UTC) and times as epoch milliseconds. */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export function dayOf(iso: string): number {
  const ms = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`Not a date: ${iso}`);
  return Math.floor(ms / DAY_MS);
}

// Millions of rows carry a date or a time: format each day once.
const dayNames = new Map<number, string>();

/** 'yyyy-mm-dd' */
export function isoDay(day: number): string {
  let name = dayNames.get(day);
  if (name === undefined) {
    name = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayNames.set(day, name);
  }
  return name;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A timestamp as PostgreSQL reads it for timestamptz: 'yyyy-mm-ddThh:mm:ss.mmmZ'. */
export function isoTime(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / HOUR_MS);
  rest -= h * HOUR_MS;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  return `${isoDay(day)}T${pad2(h)}:${pad2(m)}:${pad2(s)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** The day number of 1 January or 31 December of a year. */
export function yearStart(year: number): number {
  return Math.floor(Date.UTC(year, 0, 1) / DAY_MS);
}
export function yearEnd(year: number): number {
  return Math.floor(Date.UTC(year, 11, 31) / DAY_MS);
}

/**
 * A moment during office hours in Vietnam (08:00–17:30, UTC+7) on the given day, `fraction`
 * of the way through it: people change plans at work.
 */
export function officeTime(day: number, fraction: number): number {
  return day * DAY_MS + HOUR_MS + Math.floor(fraction * 9.5 * HOUR_MS);
}

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
