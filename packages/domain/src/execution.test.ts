import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkClarity,
  daysBetween,
  defaultStatusRules,
  deriveStatus,
  derivedStatuses,
  expectedProgress,
  rollUpProgress,
  statusNow,
  type ClarityFacts,
  type ProgressNode,
  type StatusFacts,
} from './execution.js';

const open = (over: Partial<StatusFacts> = {}): StatusFacts => ({
  state: 'open',
  progress: 0,
  startDate: null,
  dueDate: null,
  deliveredOn: null,
  acceptedOn: null,
  started: false,
  ...over,
});

const today = '2026-12-02';

describe('calendar days', () => {
  it('counts days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('the progress expected by today', () => {
  it('is nothing before the start, everything from the due date, a straight line between', () => {
    expect(expectedProgress('2026-12-10', '2026-12-20', today)).toBe(0);
    expect(expectedProgress('2026-11-22', '2026-12-12', today)).toBe(50);
    expect(expectedProgress('2026-11-01', '2026-12-02', today)).toBe(100);
    expect(expectedProgress('2026-12-02', '2026-12-02', today)).toBe(100);
    expect(expectedProgress(null, '2026-12-12', today)).toBeNull();
    expect(expectedProgress('2026-11-22', null, today)).toBeNull();
  });
});

describe('the status of a task, worked out', () => {
  it('keeps what a person set: cancelled and paused, even past the due date', () => {
    expect(deriveStatus(open({ state: 'cancelled', dueDate: '2026-01-01' }), today)).toBe('cancelled');
    expect(deriveStatus(open({ state: 'paused', dueDate: '2026-01-01', deliveredOn: '2026-01-01' }), today)).toBe('paused');
  });

  it('is completed only when accepted: on time when delivered by the due date, late a day after', () => {
    const due = '2026-11-30';
    expect(deriveStatus(open({ dueDate: due, deliveredOn: due, acceptedOn: '2026-12-01' }), today)).toBe('completed_on_time');
    expect(deriveStatus(open({ dueDate: due, deliveredOn: '2026-12-01', acceptedOn: '2026-12-01' }), today)).toBe('completed_late');
    expect(deriveStatus(open({ deliveredOn: '2026-12-01', acceptedOn: '2026-12-02' }), today)).toBe('completed_on_time');
    // Delivered and not accepted yet: waiting, not completed, and not overdue either.
    expect(deriveStatus(open({ dueDate: '2026-10-01', deliveredOn: '2026-12-01', progress: 100 }), today)).toBe('delivered');
    // Progress at 100 % is not completion: the other party has not accepted anything.
    expect(deriveStatus(open({ dueDate: '2026-10-01', progress: 100, started: true }), today)).toBe('overdue');
  });

  it('is overdue from the day after the due date, at risk on it and in the days before', () => {
    expect(deriveStatus(open({ dueDate: '2026-12-01', started: true }), today)).toBe('overdue');
    expect(deriveStatus(open({ dueDate: today }), today)).toBe('at_risk');
    expect(deriveStatus(open({ dueDate: addDays(today, defaultStatusRules.atRiskDays - 1) }), today)).toBe('at_risk');
    expect(deriveStatus(open({ dueDate: addDays(today, defaultStatusRules.atRiskDays) }), today)).toBe('not_started');
    expect(deriveStatus(open({ dueDate: addDays(today, 3) }), today, { atRiskDays: 3, progressMargin: 20 })).toBe('not_started');
  });

  it('is at risk across a year boundary', () => {
    expect(deriveStatus(open({ dueDate: '2027-01-02', started: true }), '2026-12-30')).toBe('at_risk');
    expect(deriveStatus(open({ dueDate: '2026-12-31', started: true }), '2027-01-01')).toBe('overdue');
  });

  it('is at risk when behind the expected progress by more than the margin', () => {
    const task = open({ startDate: '2026-11-02', dueDate: '2027-01-01', started: true }); // half the time gone
    expect(deriveStatus({ ...task, progress: 29 }, today)).toBe('at_risk');
    expect(deriveStatus({ ...task, progress: 30 }, today)).toBe('in_progress');
    expect(deriveStatus({ ...task, progress: 10 }, today, { atRiskDays: 7, progressMargin: 45 })).toBe('in_progress');
  });

  it('is in progress once started or with any progress, not started before', () => {
    expect(deriveStatus(open(), today)).toBe('not_started');
    expect(deriveStatus(open({ started: true }), today)).toBe('in_progress');
    expect(deriveStatus(open({ progress: 5 }), today)).toBe('in_progress');
  });

  it("takes today from Việt Nam's calendar, whatever the server's zone", () => {
    const task = open({ dueDate: '2026-06-30', started: true });
    // 17:30 UTC on 30 June is 00:30 on 1 July in Hà Nội: the task is a day late there.
    expect(statusNow(task, new Date('2026-06-30T17:30:00Z'))).toBe('overdue');
    expect(statusNow(task, new Date('2026-06-30T16:59:00Z'))).toBe('at_risk');
  });

  const day = fc.integer({ min: -40, max: 40 }).map((n) => addDays(today, n));
  const facts = fc.record({
    state: fc.constantFrom('open', 'paused', 'cancelled' as const),
    progress: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
    startDate: fc.option(day),
    dueDate: fc.option(day),
    deliveredOn: fc.option(day),
    acceptedOn: fc.option(day),
    started: fc.boolean(),
  }) as fc.Arbitrary<StatusFacts>;

  it('always gives one of its statuses, and says overdue and completed only when the facts do', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const s = deriveStatus(f, today);
        expect(derivedStatuses).toContain(s);
        if (s === 'overdue') expect(f.dueDate !== null && f.dueDate < today && f.deliveredOn === null).toBe(true);
        if (s === 'completed_on_time' || s === 'completed_late') expect(f.acceptedOn !== null && f.state === 'open').toBe(true);
        if (f.state === 'open' && f.acceptedOn !== null && f.deliveredOn !== null) expect(s.startsWith('completed')).toBe(true);
      }),
    );
  });
});

describe('the progress of a parent, rolled up', () => {
  const node = (id: string, parentId: string | null, progress = 0, weight = 1, cancelled = false): ProgressNode => ({
    id,
    parentId,
    progress,
    weight,
    cancelled,
  });

  it('is the weighted mean of its sub-tasks, equal weights by default, whatever was typed on it', () => {
    const p = rollUpProgress([node('a', null, 90), node('b', 'a', 100), node('c', 'a', 0)]);
    expect(p.get('a')).toBe(50);
    const w = rollUpProgress([node('a', null), node('b', 'a', 100, 3), node('c', 'a', 0, 1)]);
    expect(w.get('a')).toBe(75);
  });

  it('rolls up through levels, leaves cancelled sub-tasks out, counts zero weights equally when all are zero', () => {
    const p = rollUpProgress([
      node('a', null),
      node('b', 'a'),
      node('b1', 'b', 100),
      node('b2', 'b', 50),
      node('c', 'a', 0),
      node('x', 'a', 100, 1, true),
    ]);
    expect(p.get('b')).toBe(75);
    expect(p.get('a')).toBe(37.5);
    expect(rollUpProgress([node('a', null), node('b', 'a', 20, 0), node('c', 'a', 40, 0)]).get('a')).toBe(30);
    // Every sub-task cancelled: the parent keeps its own.
    expect(rollUpProgress([node('a', null, 40), node('b', 'a', 100, 1, true)]).get('a')).toBe(40);
  });

  it('refuses a tree with a cycle', () => {
    expect(() => rollUpProgress([node('a', 'b'), node('b', 'a')])).toThrow(/cycle/);
  });

  /** A random plan tree: each task's parent is an earlier task or none. */
  const tree = fc
    .array(
      fc.record({
        parent: fc.nat(),
        hasParent: fc.boolean(),
        progress: fc.integer({ min: -20, max: 130 }),
        weight: fc.integer({ min: 0, max: 5 }),
        cancelled: fc.boolean(),
      }),
      { minLength: 1, maxLength: 40 },
    )
    .map((rows) =>
      rows.map((r, i): ProgressNode => ({
        id: `t${i}`,
        parentId: i > 0 && r.hasParent ? `t${r.parent % i}` : null,
        progress: r.progress,
        weight: r.weight,
        cancelled: r.cancelled,
      })),
    );

  it('stays within 0–100, and a parent is never ahead of all its sub-tasks nor behind all of them', () => {
    fc.assert(
      fc.property(tree, (nodes) => {
        const p = rollUpProgress(nodes);
        for (const n of nodes) {
          const v = p.get(n.id) as number;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
          const kids = nodes.filter((c) => c.parentId === n.id && !c.cancelled).map((c) => p.get(c.id) as number);
          if (kids.length > 0) {
            expect(v).toBeLessThanOrEqual(Math.max(...kids) + 0.05);
            expect(v).toBeGreaterThanOrEqual(Math.min(...kids) - 0.05);
          }
        }
      }),
    );
  });
});

describe('the "5 rõ" check', () => {
  const clear: ClarityFacts = {
    title: 'Triển khai nền tảng điều hành thông minh',
    description: 'Lắp đặt, cấu hình và đưa vào vận hành IOC cấp tỉnh',
    responsiblePerson: 'Nguyễn Văn A',
    startDate: '2026-01-01',
    dueDate: '2026-06-30',
    leadUnitId: '00000000-0000-4000-8000-000000000001',
    expectedProduct: 'IOC vận hành, biên bản nghiệm thu',
  };

  it('passes a task clear in person, work, time, responsibility and result', () => {
    expect(checkClarity(clear)).toMatchObject({ met: 5, of: 5, clear: true });
  });

  it('says why each criterion fails', () => {
    const c = checkClarity({
      ...clear,
      responsiblePerson: '  ',
      description: null,
      startDate: null,
      dueDate: null,
      leadUnitId: null,
      expectedProduct: '',
    });
    expect(c.checks.map((x) => [x.criterion, x.problems])).toEqual([
      ['person', ['noResponsiblePerson']],
      ['work', ['noDescription']],
      ['time', ['noStartDate', 'noDueDate']],
      ['responsibility', ['noLeadUnit']],
      ['result', ['noExpectedProduct']],
    ]);
    expect(c).toMatchObject({ met: 0, clear: false });
  });

  it('does not take the title written again as a description of the work', () => {
    const c = checkClarity({ ...clear, description: '  triển khai nền tảng  điều hành thông minh. ' });
    expect(c.checks.find((x) => x.criterion === 'work')?.problems).toEqual(['descriptionIsTitle']);
  });

  it('checks who decides only when the agreement asks for it', () => {
    expect(checkClarity(clear, { withAuthority: true })).toMatchObject({ met: 5, of: 6, clear: false });
    expect(checkClarity({ ...clear, decidedBy: 'Chủ tịch UBND tỉnh' }, { withAuthority: true })).toMatchObject({ met: 6, of: 6 });
  });
});
