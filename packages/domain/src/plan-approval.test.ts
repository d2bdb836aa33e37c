import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePlanNumbers,
  diffPlans,
  isEmptyDiff,
  planContent,
  planReadiness,
  planSnapshot,
  planState,
  submissionProblem,
  versionAfterDecisions,
  type PlanTaskSnapshot,
  type SnapshotTask,
} from './plan-approval.js';

const task = (id: string, over: Partial<SnapshotTask> = {}): SnapshotTask => ({
  id,
  areaId: 'a1',
  parentId: null,
  position: 0,
  title: `Nhiệm vụ ${id}`,
  description: 'Mô tả công việc',
  obligor: 'government',
  leadUnit: { name: 'Sở Khoa học và Công nghệ' },
  coordinatingUnits: [],
  responsiblePerson: 'Nguyễn Văn An',
  startDate: '2026-01-01',
  dueDate: '2026-06-30',
  expectedProduct: 'Báo cáo',
  decidedBy: null,
  weight: 1,
  ...over,
});
const areas = [
  { id: 'a1', title: 'Hạ tầng số' },
  { id: 'a2', title: 'Chính quyền số' },
];

describe('a snapshot of the plan', () => {
  it('numbers tasks as the plan and its export do: areas from 1, tasks and sub-tasks below them, by position', () => {
    const snap = planSnapshot(areas, [
      task('b', { position: 1 }),
      task('a', { position: 0 }),
      task('a2', { parentId: 'a', position: 1 }),
      task('a1', { parentId: 'a', position: 0 }),
      task('x', { areaId: 'a2' }),
    ]);
    expect(snap.map((t) => [t.number, t.id, t.area])).toEqual([
      ['1.1', 'a', 'Hạ tầng số'],
      ['1.1.1', 'a1', 'Hạ tầng số'],
      ['1.1.2', 'a2', 'Hạ tầng số'],
      ['1.2', 'b', 'Hạ tầng số'],
      ['2.1', 'x', 'Chính quyền số'],
    ]);
    expect(snap[0]).toMatchObject({ leadUnit: 'Sở Khoa học và Công nghệ', coordinatingUnits: [] });
  });

  it('orders numbers as people read them', () => {
    expect(['1.10', '2', '1.2', '1.2.1', '1.9.3'].sort(comparePlanNumbers)).toEqual(['1.2', '1.2.1', '1.9.3', '1.10', '2']);
  });
});

describe('what changed between two versions', () => {
  const v1 = planSnapshot(areas, [task('a'), task('b', { position: 1 }), task('c', { position: 2 })]);

  it('lists tasks added, removed, and changed field by field, before → after', () => {
    const v2 = planSnapshot(areas, [
      task('new', { position: 0 }),
      task('a', { position: 1, dueDate: '2026-09-30', coordinatingUnits: [{ name: 'VNPT Cà Mau' }] }),
      task('c', { position: 2, areaId: 'a2' }),
    ]);
    const d = diffPlans(v1, v2);
    expect(d.added.map((t) => t.id)).toEqual(['new']);
    expect(d.removed.map((t) => t.id)).toEqual(['b']);
    expect(d.changed.map((c) => [c.after.id, c.changes])).toEqual([
      [
        'a',
        [
          { field: 'coordinatingUnits', before: [], after: ['VNPT Cà Mau'] },
          { field: 'dueDate', before: '2026-06-30', after: '2026-09-30' },
        ],
      ],
      ['c', [{ field: 'area', before: 'Hạ tầng số', after: 'Chính quyền số' }]],
    ]);
    expect(d.unchanged).toBe(0);
  });

  it('does not count a task renumbered by one inserted above it as changed', () => {
    const v2 = planSnapshot(areas, [task('new'), task('a', { position: 1 }), task('b', { position: 2 }), task('c', { position: 3 })]);
    const d = diffPlans(v1, v2);
    expect(d.changed).toEqual([]);
    expect(d.unchanged).toBe(3);
  });

  it('shows a move under another task as its parent changing, by title', () => {
    const v2 = planSnapshot(areas, [task('a'), task('b', { parentId: 'a' }), task('c', { position: 2 })]);
    expect(diffPlans(v1, v2).changed[0]?.changes).toEqual([{ field: 'parent', before: null, after: 'Nhiệm vụ a' }]);
  });

  const snapshots = fc
    .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 })
    .chain((ids) =>
      fc.tuple(fc.constant(ids), fc.array(fc.constantFrom('2026-03-31', '2026-06-30'), { minLength: ids.length, maxLength: ids.length })),
    )
    .map(([ids, dues]): PlanTaskSnapshot[] =>
      planSnapshot(
        areas,
        ids.map((id, i) => task(id, { position: i, dueDate: dues[i] ?? null })),
      ),
    );

  it('has the same content text exactly when it finds nothing between two versions', () => {
    fc.assert(
      fc.property(snapshots, snapshots, (before, after) => {
        expect(planContent(before) === planContent(after)).toBe(isEmptyDiff(diffPlans(before, after)));
      }),
    );
    const renumbered = v1.map((t, i) => ({ ...t, number: `9.${i}` }));
    expect(planContent(renumbered)).toBe(planContent(v1));
  });

  it('accounts for every task of both versions exactly once', () => {
    fc.assert(
      fc.property(snapshots, snapshots, (before, after) => {
        const d = diffPlans(before, after);
        expect(d.added.length + d.changed.length + d.unchanged).toBe(after.length);
        expect(d.removed.length + d.changed.length + d.unchanged).toBe(before.length);
        expect(isEmptyDiff(diffPlans(after, after))).toBe(true);
        const back = diffPlans(after, before);
        expect([back.added.length, back.removed.length, back.changed.length]).toEqual([d.removed.length, d.added.length, d.changed.length]);
      }),
    );
  });
});

describe('submission and decisions', () => {
  const clear = { ...task('a'), leadUnitId: 'u1', clarityWaiver: null };

  it('counts failing tasks, and waived ones apart', () => {
    const r = planReadiness([
      clear,
      { ...clear, id: 'b', responsiblePerson: null },
      { ...clear, id: 'c', expectedProduct: '', clarityWaiver: 'Khảo sát, chưa có sản phẩm' },
    ]);
    expect(r).toEqual({ tasks: 3, failing: 1, waived: 1, failingTaskIds: ['b'] });
    expect(planReadiness([{ ...clear, decidedBy: null }], { withAuthority: true }).failing).toBe(1);
  });

  it('says why a plan cannot be submitted, in order', () => {
    const ready = { tasks: 2, failing: 0, waived: 0, failingTaskIds: [] };
    const at = (over: Partial<Parameters<typeof submissionProblem>[0]>) =>
      submissionProblem({ waiting: false, readiness: ready, changedSinceApproved: null, ...over });
    expect(at({ waiting: true, changedSinceApproved: false })).toBe('PLAN_ALREADY_SUBMITTED');
    expect(at({ readiness: { ...ready, tasks: 0 } })).toBe('PLAN_EMPTY');
    expect(at({ readiness: { ...ready, failing: 1 }, changedSinceApproved: false })).toBe('PLAN_NOT_READY');
    expect(at({ changedSinceApproved: false })).toBe('PLAN_UNCHANGED');
    expect(at({ changedSinceApproved: true })).toBeNull();
    expect(at({})).toBeNull();
  });

  it('approves a version once both sides have, and returns it when either does', () => {
    expect(versionAfterDecisions([])).toBe('submitted');
    expect(versionAfterDecisions([{ side: 'government', decision: 'approved' }])).toBe('submitted');
    expect(
      versionAfterDecisions([
        { side: 'enterprise', decision: 'approved' },
        { side: 'government', decision: 'approved' },
      ]),
    ).toBe('approved');
    expect(
      versionAfterDecisions([
        { side: 'government', decision: 'approved' },
        { side: 'enterprise', decision: 'returned' },
      ]),
    ).toBe('returned');
  });

  it('tells where the plan stands', () => {
    expect(planState([], false)).toBe('draft');
    expect(planState([{ state: 'returned' }], false)).toBe('draft');
    expect(planState([{ state: 'submitted' }, { state: 'approved' }], true)).toBe('submitted');
    expect(planState([{ state: 'withdrawn' }, { state: 'approved' }], false)).toBe('approved');
    expect(planState([{ state: 'approved' }], true)).toBe('revising');
  });
});
