import { describe, expect, it } from 'vitest';
import { canTransitionAgreement, nextAgreementStatuses } from './agreement.js';
import { diffSnapshots } from './history.js';
import { checkClarity } from './execution.js';
import { addToTally, buildTaskTree, clarityScore, emptyTally, isMoveIntoOwnSubtree, sumTallies, type Task } from './plan.js';

const task = (id: string, parentId: string | null, position: number, areaId = 'a1'): Task => ({
  id,
  parentId,
  position,
  areaId,
  agreementId: 'ag',
  code: null,
  title: id,
  description: null,
  obligor: 'joint',
  leadUnit: null,
  coordinatingUnits: [],
  responsiblePerson: null,
  startDate: null,
  dueDate: null,
  expectedProduct: null,
  decidedBy: null,
  status: 'not_started',
  state: 'open',
  stateReason: null,
  progress: 0,
  weight: 1,
  startedOn: null,
  deliveredOn: null,
  acceptedOn: null,
  deliveredBySide: null,
  deliveredVersion: null,
  reviewNote: null,
  lastReportedAt: null,
  clarityWaiver: null,
  stale: false,
  version: 1,
  updatedAt: '',
  allowed: { update: false, move: false, addSubtask: false, delete: false, deliver: false, review: false, waive: false },
});

describe('the plan tree', () => {
  it('nests sub-tasks under their parents, in order, per area', () => {
    const trees = buildTaskTree([task('b', null, 1), task('a', null, 0), task('a2', 'a', 1), task('a1', 'a', 0), task('x', null, 0, 'a2')]);
    const a1 = trees.get('a1') ?? [];
    expect(a1.map((t) => t.id)).toEqual(['a', 'b']);
    expect(a1[0]?.children.map((t) => t.id)).toEqual(['a1', 'a2']);
    expect(trees.get('a2')?.map((t) => t.id)).toEqual(['x']);
  });

  it('knows when a move would put a task inside itself', () => {
    expect(isMoveIntoOwnSubtree('t', ['child', 't', 'root'])).toBe(true);
    expect(isMoveIntoOwnSubtree('t', ['other', 'root'])).toBe(false);
  });
});

describe('agreement statuses', () => {
  it('go draft → signed → in force → completed / expired / terminated', () => {
    expect(nextAgreementStatuses('draft')).toEqual(['signed', 'terminated']);
    expect(canTransitionAgreement('signed', 'in_force')).toBe(true);
    expect(canTransitionAgreement('in_force', 'expired')).toBe(true);
    expect(canTransitionAgreement('draft', 'completed')).toBe(false);
    expect(nextAgreementStatuses('completed')).toEqual([]);
  });
});

describe('history diffs', () => {
  it('lists only the fields that changed', () => {
    expect(diffSnapshots({ title: 'a', version: 1, x: [1] }, { title: 'b', version: 2, x: [1] })).toEqual([
      { field: 'title', before: 'a', after: 'b' },
    ]);
    expect(diffSnapshots(null, { title: 'a' })).toEqual([{ field: 'title', before: null, after: 'a' }]);
  });
});

describe('the "5 rõ" tally of a plan', () => {
  const facts = {
    title: 'Nền tảng',
    description: 'Xây dựng nền tảng',
    responsiblePerson: 'Bà Lan',
    startDate: '2026-01-01',
    dueDate: '2026-06-30',
    leadUnitId: 'u1',
    expectedProduct: 'Nền tảng vận hành',
  };

  it('counts the tasks clear in every criterion and scores the criteria met, rounded down', () => {
    const checks = [facts, { ...facts, responsiblePerson: null }, { ...facts, description: null, expectedProduct: null }].map((f) =>
      checkClarity(f),
    );
    const tally = checks.reduce(addToTally, emptyTally);
    // 15 criteria: 5 + 4 + 3 met.
    expect(tally).toEqual({ clear: 1, total: 3, met: 12, of: 15 });
    expect(clarityScore(tally)).toBe(80);
    expect(clarityScore(emptyTally)).toBe(100);
  });

  it('adds areas into the plan, and counts who decides only when the agreement asks', () => {
    const one = addToTally(emptyTally, checkClarity(facts, { withAuthority: true }));
    expect(one).toEqual({ clear: 0, total: 1, met: 5, of: 6 });
    expect(clarityScore(one)).toBe(83);
    expect(sumTallies([one, addToTally(emptyTally, checkClarity(facts))])).toEqual({ clear: 1, total: 2, met: 10, of: 11 });
    expect(sumTallies([])).toEqual(emptyTally);
  });
});
