import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportCadences } from './agreement.js';
import { addDays, daysBetween } from './execution.js';
import { isStale, nextReportCycleStart, reportCycleStart, staleFrom, type StaleFacts } from './reporting.js';

describe('reporting cycles', () => {
  it('start on a Monday, every other Monday, the 1st of the month, or the first day of the quarter', () => {
    // Thursday 3 December 2026.
    expect(reportCycleStart('weekly', '2026-12-03')).toBe('2026-11-30');
    expect(reportCycleStart('weekly', '2026-11-30')).toBe('2026-11-30');
    expect(reportCycleStart('weekly', '2026-12-06')).toBe('2026-11-30');
    expect(reportCycleStart('monthly', '2026-12-03')).toBe('2026-12-01');
    expect(reportCycleStart('quarterly', '2026-12-03')).toBe('2026-10-01');
    expect(reportCycleStart('quarterly', '2027-03-31')).toBe('2027-01-01');
    expect(reportCycleStart('quarterly', '2027-04-01')).toBe('2027-04-01');
    // Across a year: Friday 1 January 2027 is in the week of Monday 28 December 2026.
    expect(reportCycleStart('weekly', '2027-01-01')).toBe('2026-12-28');
    // Fortnights are counted from Monday 5 January 1970: 3 December 2026 is 20,786 days on, 1,484 fortnights and 10 days.
    expect(reportCycleStart('fortnightly', '2026-12-03')).toBe('2026-11-23');
    expect(reportCycleStart('fortnightly', '2026-12-06')).toBe('2026-11-23');
    expect(reportCycleStart('fortnightly', '2026-12-07')).toBe('2026-12-07');
  });

  it('follow one another: each day is in exactly one cycle, a week or a fortnight long, a month or a quarter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(...reportCadences), (offset, cadence) => {
        const today = addDays('2000-01-01', offset);
        const start = reportCycleStart(cadence, today);
        const next = nextReportCycleStart(cadence, today);
        expect(start <= today && today < next).toBe(true);
        // The next cycle starts where this one ends.
        expect(reportCycleStart(cadence, next)).toBe(next);
        expect(reportCycleStart(cadence, addDays(next, -1))).toBe(start);
        const length = daysBetween(start, next);
        if (cadence === 'weekly') expect(length).toBe(7);
        if (cadence === 'fortnightly') expect(length).toBe(14);
        if (cadence === 'monthly') expect(length).toBeGreaterThanOrEqual(28);
        if (cadence === 'quarterly') expect(length).toBeGreaterThanOrEqual(90);
        if (cadence !== 'monthly' && cadence !== 'quarterly') expect(new Date(`${start}T00:00:00Z`).getUTCDay()).toBe(1);
      }),
    );
  });
});

describe('stale tasks', () => {
  const task = (over: Partial<StaleFacts> = {}): StaleFacts => ({
    state: 'open',
    deliveredOn: null,
    startedOn: '2026-10-15',
    lastReportedOn: null,
    ...over,
  });
  const today = '2026-12-03';

  it('are the tasks under way whose last shared report is older than the current cycle', () => {
    expect(isStale(task(), 'monthly', today)).toBe(true);
    expect(isStale(task({ lastReportedOn: '2026-11-30' }), 'monthly', today)).toBe(true);
    expect(isStale(task({ lastReportedOn: '2026-12-01' }), 'monthly', today)).toBe(false);
    // The same report is fresh for the quarter, stale for the week.
    expect(isStale(task({ lastReportedOn: '2026-11-02' }), 'quarterly', today)).toBe(false);
    expect(isStale(task({ lastReportedOn: '2026-11-27' }), 'weekly', today)).toBe(true);
    expect(isStale(task({ lastReportedOn: '2026-11-30' }), 'weekly', today)).toBe(false);
  });

  it('leave out what is not under way: not started, paused, cancelled, delivered, or started in this cycle', () => {
    expect(isStale(task({ startedOn: null }), 'monthly', today)).toBe(false);
    expect(isStale(task({ state: 'paused' }), 'monthly', today)).toBe(false);
    expect(isStale(task({ state: 'cancelled' }), 'monthly', today)).toBe(false);
    expect(isStale(task({ deliveredOn: '2026-11-20' }), 'monthly', today)).toBe(false);
    expect(isStale(task({ startedOn: '2026-12-01' }), 'monthly', today)).toBe(false);
    expect(isStale(task({ startedOn: '2026-11-30' }), 'monthly', today)).toBe(true);
  });

  it('become stale on the day the next cycle starts after their last report, or their start: staleFrom <= today', () => {
    expect(staleFrom(task(), 'monthly')).toBe('2026-11-01');
    expect(staleFrom(task({ lastReportedOn: '2026-12-01' }), 'monthly')).toBe('2027-01-01');
    expect(staleFrom(task({ lastReportedOn: '2026-12-01' }), 'weekly')).toBe('2026-12-07');
    // A report before the start (an old one kept) does not count for more than the start.
    expect(staleFrom(task({ lastReportedOn: '2026-09-01' }), 'quarterly')).toBe('2027-01-01');
    expect(staleFrom(task({ state: 'paused' }), 'monthly')).toBeNull();
    expect(staleFrom(task({ deliveredOn: '2026-11-20' }), 'monthly')).toBeNull();
    expect(staleFrom(task({ startedOn: null, lastReportedOn: '2026-11-20' }), 'monthly')).toBeNull();
    const day = fc.integer({ min: 0, max: 4_000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(
        fc.constantFrom('open', 'paused', 'cancelled' as const),
        fc.option(day),
        fc.option(day),
        fc.option(day),
        day,
        fc.constantFrom(...reportCadences),
        (state, deliveredOn, startedOn, lastReportedOn, today, cadence) => {
          const f = { state, deliveredOn, startedOn, lastReportedOn };
          const from = staleFrom(f, cadence);
          expect(from !== null && from <= today).toBe(isStale(f, cadence, today));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
