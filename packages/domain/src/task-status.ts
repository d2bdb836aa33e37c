/**
 * The calendar a task's status is worked out in. The statuses themselves, and their SQL twin, are
 * in execution.ts.
 */

/** The time zone whose calendar decides what "today" is, whatever the server's zone. */
export const ACCORD_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Made once: a formatter costs far more to make than to use.
const vietnamDay = new Intl.DateTimeFormat('en-CA', { timeZone: ACCORD_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Since 13 June 1975 Việt Nam keeps UTC+7 all year, with no summer time (the tz database's Asia/Ho_Chi_Minh). */
const FIXED_SINCE = Date.UTC(1975, 5, 12, 17);
const UTC_PLUS_7 = 7 * 3_600_000;

/**
 * The date (yyyy-mm-dd) in Việt Nam at a moment, today by default. Every task presented asks it
 * twice (its status today, the day of its last report): from 1975 on by adding seven hours, which
 * is a tenth of the cost of the formatter; before that, by the time-zone database.
 */
export function todayInVietnam(now: Date = new Date()): string {
  const ms = now.getTime();
  return ms >= FIXED_SINCE ? new Date(ms + UTC_PLUS_7).toISOString().slice(0, 10) : vietnamDay.format(now);
}

/** SQL for today's date in Việt Nam. */
export const todaySql = `(now() AT TIME ZONE '${ACCORD_TIME_ZONE}')::date`;
