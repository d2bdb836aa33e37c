import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime, formatPeriod, isIsoDate, todayIso } from './dates';

describe('dates as Vietnamese paperwork writes them', () => {
  it('write a date as dd/mm/yyyy', () => {
    expect(formatDate('2025-03-09')).toBe('09/03/2025');
    expect(formatDate('2025-12-31T23:59:59Z')).toBe('31/12/2025');
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
  });

  it('write a period with an open end as "…"', () => {
    expect(formatPeriod('2025-01-15', '2030-01-14')).toBe('15/01/2025 – 14/01/2030');
    expect(formatPeriod('2025-01-15', null)).toBe('15/01/2025 – …');
    expect(formatPeriod(null, '2030-01-14')).toBe('… – 14/01/2030');
    expect(formatPeriod(null, undefined)).toBe('');
  });

  it('know an ISO date from other text', () => {
    expect(isIsoDate('2025-03-09')).toBe(true);
    expect(isIsoDate('09/03/2025')).toBe(false);
    expect(isIsoDate('2025-03-09T00:00:00Z')).toBe(false);
    expect(isIsoDate('Quyết định 2025-03')).toBe(false);
  });
});

describe('times in Vietnam (Asia/Ho_Chi_Minh, UTC+7), wherever the browser is', () => {
  it('write a timestamp as dd/mm/yyyy HH:mm Vietnam time', () => {
    expect(formatDateTime('2025-03-09T02:05:00Z')).toBe('09/03/2025 09:05');
    // Late evening UTC is already the next day in Vietnam; midnight is 00, not 24.
    expect(formatDateTime('2024-12-31T17:30:00Z')).toBe('01/01/2025 00:30');
  });

  it('write nothing for a missing or broken timestamp', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });

  describe('today', () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
    afterEach(() => vi.useRealTimers());

    it('turns at midnight in Vietnam', () => {
      vi.setSystemTime(new Date('2025-03-10T16:59:59Z'));
      expect(todayIso()).toBe('2025-03-10');
      vi.setSystemTime(new Date('2025-03-10T17:00:00Z'));
      expect(todayIso()).toBe('2025-03-11');
    });

    it('is the date a Vietnamese calendar shows, at any moment since 1976', () => {
      const vietnam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });
      fc.assert(
        fc.property(
          fc.date({ min: new Date('1976-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
          (moment) => {
            vi.setSystemTime(moment);
            expect(todayIso()).toBe(vietnam.format(moment));
          },
        ),
      );
    });
  });
});
