import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildArea, buildTask, buildTasks, forestFrom } from '../../../test/plan-factories';
import {
  allTaskIds,
  canHaveSubtasks,
  childrenOf,
  clarityOf,
  countTasks,
  depthOf,
  failingOnly,
  findTask,
  limitRows,
  parentOptions,
  placeOf,
  planTitles,
  visibleRows,
} from './plan-tree';

const ids = (rows: { task: { id: string } }[]) => rows.map((r) => r.task.id);
const everyOpen = () => true;

/**
 *   a ─┬─ a1 ── a1x
 *      └─ a2
 *   b
 */
function sampleTree() {
  const a1x = buildTask({ id: 'a1x', title: 'Cài đặt máy chủ' });
  const a1 = buildTask({ id: 'a1', code: '1.1', title: 'Hạ tầng', children: [a1x] });
  const a2 = buildTask({ id: 'a2', code: '1.2', title: 'Đào tạo' });
  const a = buildTask({ id: 'a', code: '1', title: 'Chuyển đổi số', children: [a1, a2] });
  const b = buildTask({ id: 'b', code: '2', title: 'Kinh tế số' });
  return { a, a1, a1x, a2, b, tasks: [a, b] };
}

describe('the rows of a plan table', () => {
  it('lists tasks depth-first, each sub-task under its parent', () => {
    const { tasks } = sampleTree();
    const rows = visibleRows(tasks, everyOpen);
    expect(rows.map((r) => [r.task.id, r.depth])).toEqual([
      ['a', 0],
      ['a1', 1],
      ['a1x', 2],
      ['a2', 1],
      ['b', 0],
    ]);
  });

  it('hides the sub-tasks of a folded task', () => {
    const { tasks } = sampleTree();
    expect(ids(visibleRows(tasks, (t) => t.id !== 'a1'))).toEqual(['a', 'a1', 'a2', 'b']);
    expect(ids(visibleRows(tasks, (t) => t.id !== 'a'))).toEqual(['a', 'b']);
  });

  it('knows each row’s place among its siblings, for the up and down buttons', () => {
    const { tasks } = sampleTree();
    const a2 = visibleRows(tasks, everyOpen).find((r) => r.task.id === 'a2');
    expect(a2).toMatchObject({ index: 1, siblings: 2 });
  });

  it('shows every task exactly once when all is open, whatever the shape of the tree', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.nat()), { maxLength: 60, size: 'medium' }), (picks) => {
        const forest = forestFrom(picks);
        const shown = ids(visibleRows(forest, everyOpen));
        expect(shown).toHaveLength(picks.length);
        expect(new Set(shown).size).toBe(picks.length);
        expect(shown).toEqual(allTaskIds(forest));
        expect(countTasks(forest)).toBe(picks.length);
      }),
    );
  });
});

describe('the first rows of an area', () => {
  it('never cuts a task away from its sub-tasks', () => {
    const big = buildTask({ id: 'big', children: buildTasks(5) });
    const tasks = [big, ...buildTasks(3)];
    const shown = limitRows(visibleRows(tasks, everyOpen), tasks, 3);
    expect(shown.rows).toHaveLength(6);
    expect(shown.shownTopLevel).toBe(1);
    expect(shown.hasMore).toBe(true);
  });

  it('counts the folded sub-tasks of the tasks it shows (for "12 of 40 tasks shown")', () => {
    const folded = buildTask({ id: 'folded', children: buildTasks(4) });
    const tasks = [folded, ...buildTasks(5)];
    const shown = limitRows(
      visibleRows(tasks, () => false),
      tasks,
      2,
    );
    expect(ids(shown.rows)).toEqual(['folded', tasks[1]?.id]);
    expect(shown.shownTasks).toBe(6);
  });

  it('offers no "show more" once every task is shown', () => {
    const tasks = buildTasks(4);
    expect(limitRows(visibleRows(tasks, everyOpen), tasks, 4).hasMore).toBe(false);
    expect(limitRows(visibleRows(tasks, everyOpen), tasks, 3).hasMore).toBe(true);
  });

  it('offers more when the area holds more top-level tasks than are loaded', () => {
    const tasks = buildTasks(4);
    expect(limitRows(visibleRows(tasks, everyOpen), tasks, 15, 30)).toMatchObject({ shownTopLevel: 4, hasMore: true });
    expect(limitRows(visibleRows(tasks, everyOpen), tasks, 15, 4).hasMore).toBe(false);
  });

  it('always shows whole top-level tasks, at least the budget, and no more than one task past it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.nat()), { maxLength: 60, size: 'medium' }),
        fc.integer({ min: 1, max: 70 }),
        (picks, budget) => {
          const forest = forestFrom(picks);
          const rows = visibleRows(forest, everyOpen);
          const shown = limitRows(rows, forest, budget);
          expect(shown.rows).toEqual(rows.slice(0, shown.rows.length));
          // The cut falls between top-level tasks.
          expect(rows[shown.rows.length]?.depth ?? 0).toBe(0);
          expect(shown.rows.length).toBeGreaterThanOrEqual(Math.min(budget, rows.length));
          expect(shown.hasMore).toBe(shown.rows.length < rows.length);
          expect(shown.shownTasks).toBe(shown.rows.length);
        },
      ),
    );
  });
});

describe('finding a task in the plan', () => {
  const { tasks } = sampleTree();
  const areas = [buildArea('x', buildTasks(2)), buildArea('y', tasks)];

  it('knows its area, its top-level task and the tasks above it', () => {
    const place = placeOf(areas, 'a1x');
    expect(place?.areaId).toBe('y');
    expect(place?.topLevelIndex).toBe(0);
    expect(place?.ancestors.map((t) => t.id)).toEqual(['a', 'a1']);
    expect(placeOf(areas, 'b')).toMatchObject({ areaId: 'y', topLevelIndex: 1, ancestors: [] });
    expect(placeOf(areas, 'missing')).toBeNull();
  });

  it('finds it and its depth at any level', () => {
    expect(findTask(areas, 'a1x')?.title).toBe('Cài đặt máy chủ');
    expect(findTask(areas, 'missing')).toBeNull();
    expect(depthOf(areas, 'a')).toBe(0);
    expect(depthOf(areas, 'a1x')).toBe(2);
    expect(depthOf(areas, 'missing')).toBe(-1);
  });

  it('lists the sub-tasks under a parent, or the top level', () => {
    const area = buildArea('y', tasks);
    expect(childrenOf(area, null).map((t) => t.id)).toEqual(['a', 'b']);
    expect(childrenOf(area, 'a').map((t) => t.id)).toEqual(['a1', 'a2']);
    expect(childrenOf(area, 'missing')).toEqual([]);
  });

  it('names areas and tasks for the history, with the task code first', () => {
    const titles = planTitles([buildArea('y', tasks, { title: 'Chính quyền số' })]);
    expect(titles.get('y')).toBe('Chính quyền số');
    expect(titles.get('a1')).toBe('1.1 Hạ tầng');
    expect(titles.get('a1x')).toBe('Cài đặt máy chủ');
  });
});

describe('adding and moving sub-tasks (at most 4 levels)', () => {
  it('allows sub-tasks above the fourth level only', () => {
    expect([0, 1, 2, 3].map(canHaveSubtasks)).toEqual([true, true, true, false]);
  });

  it('offers as new parents only tasks outside the moved subtree that keep it within 4 levels', () => {
    // chain: l0 > l1 > l2 > l3, plus a separate leaf and a task with one child.
    const l3 = buildTask({ id: 'l3' });
    const l2 = buildTask({ id: 'l2', children: [l3] });
    const l1 = buildTask({ id: 'l1', children: [l2] });
    const l0 = buildTask({ id: 'l0', children: [l1] });
    const kid = buildTask({ id: 'kid' });
    const withKid = buildTask({ id: 'withKid', children: [kid] });
    const area = buildArea('a', [l0, withKid]);

    // A leaf may go under anything but the deepest level.
    expect(parentOptions(area, kid).map((o) => o.task.id)).toEqual(['l0', 'l1', 'l2', 'withKid']);
    // A task with one level below it may go only where both levels fit.
    expect(parentOptions(area, withKid).map((o) => o.task.id)).toEqual(['l0', 'l1']);
    // Never under itself or its own sub-tasks.
    expect(parentOptions(area, l1).map((o) => o.task.id)).toEqual(['l0', 'withKid']);
  });
});

/** A task clear in all its "5 rõ". */
const clearTask = (overrides: Parameters<typeof buildTask>[0] = {}) =>
  buildTask({
    description: 'Triển khai nền tảng cho 100% xã',
    responsiblePerson: 'Nguyễn Văn A',
    startDate: '2026-01-01',
    dueDate: '2026-06-30',
    leadUnit: { id: 'u1', name: 'Sở Khoa học và Công nghệ', nameEn: null },
    expectedProduct: 'Nền tảng vận hành',
    ...overrides,
  });

describe('the "5 rõ" of a plan', () => {
  it('checks a task as the plan holds it, its lead unit included', () => {
    expect(clarityOf(clearTask()).clear).toBe(true);
    const failing = clarityOf(clearTask({ leadUnit: null, dueDate: null }));
    expect(failing.checks.filter((c) => c.problems.length > 0).map((c) => c.criterion)).toEqual(['time', 'responsibility']);
    expect(failing.met).toBe(3);
  });

  it('keeps only failing tasks with the tasks above them, and drops areas with none', () => {
    const deep = clearTask({ id: 'deep', responsiblePerson: null });
    const fine = clearTask({ id: 'fine' });
    const parent = clearTask({ id: 'parent', children: [fine, deep] });
    const loose = buildTask({ id: 'loose' });
    const areas = [buildArea('one', [parent, clearTask({ id: 'other' }), loose]), buildArea('two', [clearTask()])];
    const cut = failingOnly(areas);
    expect(cut.map((a) => a.id)).toEqual(['one']);
    expect(cut[0]?.tasks.map((t) => t.id)).toEqual(['parent', 'loose']);
    expect(cut[0]?.tasks[0]?.children.map((t) => t.id)).toEqual(['deep']);
    // The plan itself is left as it was.
    expect(parent.children).toHaveLength(2);
  });

  it('checks who decides only when the agreement asks', () => {
    const task = clearTask();
    expect(clarityOf(task).of).toBe(5);
    expect(clarityOf(task, true)).toMatchObject({ met: 5, of: 6, clear: false });
    expect(clarityOf({ ...task, decidedBy: 'Chủ tịch UBND tỉnh' }, true).clear).toBe(true);
    const areas = [buildArea('a', [task])];
    expect(failingOnly(areas)).toEqual([]);
    expect(failingOnly(areas, true)).toHaveLength(1);
  });

  it('returns the same objects when every task fails, so nothing is drawn again', () => {
    const area = buildArea('a', [buildTask({ children: [buildTask()] })]);
    expect(failingOnly([area])[0]).toBe(area);
  });

  it('never loses a failing task nor keeps a clear leaf, on any tree', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1, max: 30 }), { maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (picks, failing) => {
          const forest = forestFrom(picks);
          const all: ReturnType<typeof buildTask>[] = [];
          const mark = (tasks: ReturnType<typeof buildTask>[]) =>
            tasks.forEach((t) => {
              all.push(t);
              mark(t.children);
            });
          mark(forest);
          const made = all.map((t, i) => Object.assign(t, failing[i] ? {} : clearTask({ id: t.id, title: t.title, children: t.children })));
          const cut = failingOnly([buildArea('a', forest)]);
          const kept = new Set(cut.flatMap((a) => allTaskIds(a.tasks)));
          for (const t of made) {
            if (!clarityOf(t).clear) expect(kept.has(t.id)).toBe(true);
          }
          const leaves = (tasks: readonly ReturnType<typeof buildTask>[]): ReturnType<typeof buildTask>[] =>
            tasks.flatMap((t) => (t.children.length === 0 ? [t] : leaves(t.children)));
          for (const leaf of leaves(cut.flatMap((a) => a.tasks))) expect(clarityOf(leaf).clear).toBe(false);
        },
      ),
    );
  });
});
