import type { TaskStatus } from './plan.js';

/**
 * Statuses worked out from a task's fields, each a domain function with its SQL twin beside it
 * (`task-status.test.ts` checks that both give the same answer on the same rows).
 * "At risk", "done late" and "stale" join "overdue" here.
 */

/** The time zone whose calendar decides what "today" is, whatever the server's zone. */
export const ACCORD_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Statuses in which a task no longer owes anything. */
export const closedTaskStatuses: readonly TaskStatus[] = ['completed', 'cancelled'];

/** Today's date (yyyy-mm-dd) in Việt Nam. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ACCORD_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Overdue: due before today and neither completed nor cancelled. */
export function isOverdue(t: { dueDate: string | null; status: TaskStatus }, today: string): boolean {
  return t.dueDate !== null && t.dueDate < today && !closedTaskStatuses.includes(t.status);
}

/** SQL for today's date in Việt Nam. */
export const todaySql = `(now() AT TIME ZONE '${ACCORD_TIME_ZONE}')::date`;

/** The SQL twin of `isOverdue` for the tasks row `t`; `today` defaults to today in Việt Nam. */
export function overdueSql(t: string, today: string = todaySql): string {
  const closed = closedTaskStatuses.map((s) => `'${s}'`).join(',');
  return `(${t}.due_date IS NOT NULL AND ${t}.due_date < ${today} AND ${t}.status NOT IN (${closed}))`;
}
