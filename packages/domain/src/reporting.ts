import type { ReportCadence } from './agreement.js';
import { addDays, daysBetween } from './execution.js';
import { todaySql } from './task-status.js';

/**
 * The reporting cadence of an agreement (kỳ báo cáo) and the tasks whose lead unit has not
 * reported in the current cycle ("chậm báo cáo"). Cycles are calendar periods in Việt Nam: the
 * week from Monday, a fortnight of two such weeks (counted from Monday 5 January 1970, so every
 * agreement's fortnights are the same), the calendar month, the calendar quarter. Pure, with
 * "today" passed in; `staleFrom` is kept on each task by its SQL twin, held to `isStale` by
 * apps/server/test/derived-status.test.ts.
 */

/**
 * The thread entries that count as the lead unit reporting, when shared with both sides: a progress
 * report, and the product's delivery. Comments, directions and internal entries do not.
 */
export const reportingEntryKinds = ['report', 'delivered'] as const;

/** A Monday every fortnight is counted from. */
const FORTNIGHT_ANCHOR = '1970-01-05';

/** The first day (yyyy-mm-dd) of the reporting cycle that `today` falls in. */
export function reportCycleStart(cadence: ReportCadence, today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (cadence) {
    case 'weekly':
      // getUTCDay: Sunday 0 … Saturday 6; a week starts on Monday.
      return addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
    case 'fortnightly': {
      const days = daysBetween(FORTNIGHT_ANCHOR, today);
      return addDays(today, -(((days % 14) + 14) % 14));
    }
    case 'monthly':
      return `${year}-${pad(month)}-01`;
    case 'quarterly':
      return `${year}-${pad(month - ((month - 1) % 3))}-01`;
  }
}

/** The first day of the next cycle: the current one ends the day before. */
export function nextReportCycleStart(cadence: ReportCadence, today: string): string {
  const start = reportCycleStart(cadence, today);
  switch (cadence) {
    case 'weekly':
      return addDays(start, 7);
    case 'fortnightly':
      return addDays(start, 14);
    case 'monthly':
    case 'quarterly': {
      const [year, month] = start.split('-').map(Number) as [number, number];
      const next = month + (cadence === 'monthly' ? 1 : 3);
      const y = next > 12 ? year + 1 : year;
      const m = next > 12 ? next - 12 : next;
      return `${y}-${String(m).padStart(2, '0')}-01`;
    }
  }
}

/** SQL for the first day of the current cycle; `cadence` an expression holding one of the cadences. */
export function reportCycleStartSql(cadence: string, today: string = todaySql): string {
  return `(CASE ${cadence}
    WHEN 'weekly' THEN date_trunc('week', ${today})::date
    WHEN 'fortnightly' THEN ${today} - (((${today} - DATE '${FORTNIGHT_ANCHOR}') % 14 + 14) % 14)
    WHEN 'monthly' THEN date_trunc('month', ${today})::date
    ELSE date_trunc('quarter', ${today})::date END)`;
}

/** What a task's being stale is worked out from. Dates are yyyy-mm-dd, calendar days in Việt Nam. */
export interface StaleFacts {
  state: 'open' | 'paused' | 'cancelled';
  deliveredOn: string | null;
  /** The day it started (its first report or progress); a task not started yet is not reported on. */
  startedOn: string | null;
  /** The day of its last progress report shared with both sides (internal ones tell the other party nothing). */
  lastReportedOn: string | null;
}

/**
 * A task is stale when it is under way — open, started, its product not delivered — and its last
 * report shared with both sides is older than the current cycle. A task started in this cycle
 * has until the next one.
 */
export function isStale(f: StaleFacts, cadence: ReportCadence, today: string): boolean {
  if (f.state !== 'open' || f.deliveredOn !== null || f.startedOn === null) return false;
  const start = reportCycleStart(cadence, today);
  if (f.startedOn >= start) return false;
  return f.lastReportedOn === null || f.lastReportedOn < start;
}

/**
 * The first day on which a task with these facts is stale, or null when it is not under way: the
 * start of the cycle after the one of its last shared report, or of its start when it has none
 * since. `isStale` is `staleFrom <= today`; the server keeps this day on each task (the column
 * `tasks.stale_from`, written by the database's twin `accord_stale_from` whenever the facts or the
 * agreement's cadence change), so that a list finds its stale tasks by an index.
 */
export function staleFrom(f: StaleFacts, cadence: ReportCadence): string | null {
  if (f.state !== 'open' || f.deliveredOn !== null || f.startedOn === null) return null;
  const last = f.lastReportedOn !== null && f.lastReportedOn > f.startedOn ? f.lastReportedOn : f.startedOn;
  return nextReportCycleStart(cadence, last);
}
