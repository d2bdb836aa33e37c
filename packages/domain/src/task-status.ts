/**
 * The calendar a task's status is worked out in. The statuses themselves, and their SQL twin, are
 * in execution.ts.
 */

/** The time zone whose calendar decides what "today" is, whatever the server's zone. */
export const ACCORD_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Made once: a formatter costs far more to make than to use, and every task presented asks the day.
const vietnamDay = new Intl.DateTimeFormat('en-CA', { timeZone: ACCORD_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (yyyy-mm-dd) in Việt Nam. */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDay.format(now);
}

/** SQL for today's date in Việt Nam. */
export const todaySql = `(now() AT TIME ZONE '${ACCORD_TIME_ZONE}')::date`;
