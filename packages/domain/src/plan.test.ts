import { describe, expect, it } from 'vitest';
import { canTransitionAgreement, nextAgreementStatuses } from './agreement.js';
import { diffSnapshots } from './history.js';
import { buildTaskTree, isMoveIntoOwnSubtree, type Task } from './plan.js';

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
