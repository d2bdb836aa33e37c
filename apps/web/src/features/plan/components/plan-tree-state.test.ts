import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildArea, buildTask, buildTasks, forestFrom } from '../../../test/plan-factories';
import { firstAreaLoads } from './plan-first-rows';
import { countTasks, limitRows, visibleRows, type PlanArea } from './plan-tree';
import {
  budgetIn,
  collapseAllIn,
  expandAllIn,
  initialState,
  isAreaOpenIn,
  isTaskOpenIn,
  loadIn,
  openAreaIn,
  revealIn,
  seekIn,
  showMoreIn,
  toggleAreaIn,
  toggleTaskIn,
  withFirstAreas,
  type ViewState,
} from './plan-tree-state';

/**
 * What an area shows, composed as the plan tab and AreaSection do: null when it is closed. With
 * `asLoaded`, from only the top-level tasks the state loads, as the browser holds them.
 */
function shown(state: ViewState, area: PlanArea, { asLoaded = false } = {}) {
  if (!isAreaOpenIn(state, area.id)) return null;
  const tasks = asLoaded ? area.tasks.slice(0, loadIn(state, area.id).limit) : area.tasks;
  const limited = limitRows(
    visibleRows(tasks, (t) => isTaskOpenIn(state, t)),
    tasks,
    budgetIn(state, area.id),
    area.tasks.length,
  );
  return { ids: limited.rows.map((r) => r.task.id), shownTasks: limited.shownTasks, hasMore: limited.hasMore };
}

/** The plan's outline has loaded: its areas' task counts. */
const loaded = (areas: PlanArea[]) =>
  withFirstAreas(
    initialState,
    areas.map((a) => ({ id: a.id, taskCount: countTasks(a.tasks) })),
  );
/** "Show more", with the area's tasks loaded as the state asked. */
const more = (state: ViewState, areaId: string) => showMoreIn(state, areaId, loadIn(state, areaId).limit);

describe('a plan when it first opens', () => {
  it('shows a small plan whole, as it is', () => {
    const parent = buildTask({ children: buildTasks(3) });
    const areas = [buildArea('a', [parent, ...buildTasks(2)]), buildArea('b', buildTasks(4))];
    const state = loaded(areas);
    expect(shown(state, areas[0]!)).toEqual({
      ids: visibleRows(areas[0]!.tasks, () => true).map((r) => r.task.id),
      shownTasks: 6,
      hasMore: false,
    });
    expect(shown(state, areas[1]!)?.ids).toHaveLength(4);
  });

  it('opens areas in order until the screen is full; the rest show only their heading', () => {
    const areas = ['a', 'b', 'c', 'd', 'e'].map((id) => buildArea(id, buildTasks(20)));
    const state = loaded(areas);
    // 15 rows each: two areas fill the screen (about 20 rows, OPEN_ROWS).
    expect(areas.map((a) => isAreaOpenIn(state, a.id))).toEqual([true, true, false, false, false]);
    expect(shown(state, areas[0]!)?.ids).toHaveLength(15);
    expect(shown(state, areas[2]!)).toBeNull();
  });

  it('opens a plan of a few small areas whole, though it is longer than a screen', () => {
    const areas = ['a', 'b', 'c', 'd', 'e'].map((id) => buildArea(id, buildTasks(5)));
    const state = loaded(areas);
    expect(areas.map((a) => isAreaOpenIn(state, a.id))).toEqual([true, true, true, true, true]);
    // One row more than a small plan has, and it opens a screen's worth.
    const longer = [...areas, buildArea('f', buildTasks(15)), buildArea('g', buildTasks(6))];
    expect(longer.map((a) => isAreaOpenIn(loaded(longer), a.id))).toEqual([true, true, true, true, false, false, false]);
  });

  it('counts small areas together when deciding how many to open', () => {
    const areas = Array.from({ length: 12 }, (_, i) => buildArea(`s${i}`, buildTasks(5)));
    const state = loaded(areas);
    // 5 rows each: four areas make the 20 rows of a screen.
    expect(areas.filter((a) => isAreaOpenIn(state, a.id))).toHaveLength(4);
  });

  it('decides once: an area added later starts open, and no open area closes when the plan changes', () => {
    const areas = ['a', 'b', 'c', 'd'].map((id) => buildArea(id, buildTasks(20)));
    const state = loaded(areas);
    const later = withFirstAreas(state, [{ id: 'new', taskCount: 50 }, ...areas.map((a) => ({ id: a.id, taskCount: 20 }))]);
    expect(later).toBe(state);
    expect(isAreaOpenIn(later, 'new')).toBe(true);
    expect(isAreaOpenIn(later, 'd')).toBe(false);
  });

  it('asks first, while the page loads, for exactly what the opened tree asks for (the same areas, the same rows)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 30 }), (counts) => {
        const areas = counts.map((taskCount, i) => ({ id: `a${i}`, taskCount }));
        const state = withFirstAreas(initialState, areas);
        const treeAsks = areas
          .filter((a) => a.taskCount > 0 && isAreaOpenIn(state, a.id))
          .map((a) => ({ areaId: a.id, ...loadIn(state, a.id) }));
        expect(firstAreaLoads(areas)).toEqual(treeAsks);
      }),
    );
  });

  it('folds a task with more than 12 sub-tasks, and opens one with 12', () => {
    const many = buildTask({ children: buildTasks(13) });
    const twelve = buildTask({ children: buildTasks(12) });
    const area = buildArea('a', [many, twelve]);
    const state = loaded([area]);
    expect(isTaskOpenIn(state, many)).toBe(false);
    expect(isTaskOpenIn(state, twelve)).toBe(true);
    expect(shown({ ...state, budgets: new Map([['a', 100]]) }, area)?.ids).toHaveLength(2 + 12);
  });
});

describe('"show more" in an area', () => {
  it('shows 60 more rows at a time, and says how many of the tasks are shown', () => {
    const area = buildArea('a', buildTasks(100));
    let state = loaded([area]);
    expect(shown(state, area)).toMatchObject({ shownTasks: 15, hasMore: true });
    state = more(state, 'a');
    expect(shown(state, area)).toMatchObject({ shownTasks: 75, hasMore: true });
    state = more(state, 'a');
    expect(shown(state, area)).toMatchObject({ shownTasks: 100, hasMore: false });
  });

  it('loads 60 more top-level tasks past those loaded, and first only 15', () => {
    const state = loaded([buildArea('a', buildTasks(300))]);
    expect(loadIn(state, 'a')).toEqual({ limit: 15, through: null });
    expect(loadIn(showMoreIn(state, 'a', 15), 'a').limit).toBe(75);
    // A reveal loaded 40: the next 60 come after those.
    expect(loadIn(showMoreIn(state, 'a', 40), 'a').limit).toBe(100);
  });

  it('shows from the tasks it loads exactly what it would from the whole area, on any plan', () => {
    const picks = fc.array(fc.oneof(fc.constant(0), fc.nat()), { maxLength: 150, size: 'medium' });
    fc.assert(
      fc.property(picks, fc.nat({ max: 4 }), fc.boolean(), (p, clicks, expanded) => {
        const area = buildArea('a', forestFrom(p));
        let state = loaded([area]);
        if (expanded) state = expandAllIn(state);
        for (let i = 0; i <= clicks; i += 1) {
          expect(shown(state, area, { asLoaded: true })).toEqual(shown(state, area));
          state = more(state, 'a');
        }
      }),
    );
  });

  it('grows only the area it was asked in', () => {
    const areas = [buildArea('a', buildTasks(100)), buildArea('b', buildTasks(100))];
    const state = more(loaded(areas), 'a');
    expect(shown(state, areas[1]!)?.ids).toHaveLength(15);
  });
});

describe('opening and closing', () => {
  const folded = buildTask({ id: 'folded', children: buildTasks(20) });
  const open = buildTask({ id: 'open', children: buildTasks(2) });
  // Each area fills 15 rows, so the fourth starts closed.
  const areas = [buildArea('a', [folded, open, ...buildTasks(20)]), ...['b', 'c', 'd'].map((id) => buildArea(id, buildTasks(20)))];

  it('a click toggles one area or one task', () => {
    const state = loaded(areas);
    expect(isAreaOpenIn(toggleAreaIn(state, 'a'), 'a')).toBe(false);
    expect(isAreaOpenIn(toggleAreaIn(state, 'd'), 'd')).toBe(true);
    expect(isAreaOpenIn(toggleAreaIn(toggleAreaIn(state, 'd'), 'd'), 'd')).toBe(false);
    expect(isTaskOpenIn(toggleTaskIn(state, folded), folded)).toBe(true);
    expect(isTaskOpenIn(toggleTaskIn(state, open), open)).toBe(false);
    expect(isAreaOpenIn(openAreaIn(openAreaIn(state, 'd'), 'd'), 'd')).toBe(true);
  });

  it('a task without sub-tasks is never "open"', () => {
    const leaf = buildTask();
    expect(isTaskOpenIn(expandAllIn(initialState), leaf)).toBe(false);
    expect(isTaskOpenIn(toggleTaskIn(initialState, leaf), leaf)).toBe(false);
  });

  it('"expand all" opens every area and every task, even those the user closed', () => {
    const closedByUser = toggleTaskIn(toggleAreaIn(loaded(areas), 'a'), open);
    const state = expandAllIn(closedByUser);
    expect(areas.every((a) => isAreaOpenIn(state, a.id))).toBe(true);
    expect(isTaskOpenIn(state, folded)).toBe(true);
    expect(isTaskOpenIn(state, open)).toBe(true);
  });

  it('"collapse all" closes everything; a click then opens just one area', () => {
    const state = collapseAllIn(expandAllIn(loaded(areas)));
    expect(areas.some((a) => isAreaOpenIn(state, a.id))).toBe(false);
    expect(isTaskOpenIn(state, open)).toBe(false);
    const one = toggleAreaIn(state, 'b');
    expect(areas.filter((a) => isAreaOpenIn(one, a.id)).map((a) => a.id)).toEqual(['b']);
  });
});

describe('revealing a task (?task= in a link, a task just created or moved)', () => {
  it('opens its closed area and folded parents and shows enough rows to reach it', () => {
    const target = buildTask({ id: 'target' });
    const parent = buildTask({ id: 'parent', children: [...buildTasks(19), target] });
    const far = buildArea('far', [...buildTasks(40), parent, ...buildTasks(10)]);
    const areas = [...['a', 'b', 'c'].map((id) => buildArea(id, buildTasks(20))), far];
    const before = loaded(areas);
    expect(shown(before, far)).toBeNull();

    const after = revealIn(before, areas, 'target');
    expect(shown(after, far)?.ids).toContain('target');
    expect(isTaskOpenIn(after, parent)).toBe(true);
    // Only as far as the task's top-level task: the ten after it wait for "show more".
    expect(shown(after, far)?.hasMore).toBe(true);
  });

  it('keeps what the user already opened or asked to see', () => {
    const areas = [buildArea('a', buildTasks(200))];
    const grown = more(more(loaded(areas), 'a'), 'a');
    const after = revealIn(grown, areas, areas[0]!.tasks[3]!.id);
    expect(budgetIn(after, 'a')).toBe(budgetIn(grown, 'a'));
  });

  it('opens the area of a task not loaded yet and loads it far enough to hold it', () => {
    const areas = ['a', 'b', 'c', 'd'].map((id) => buildArea(id, buildTasks(20)));
    const state = loaded(areas);
    const seeking = seekIn(state, 'd', 'far-task');
    expect(isAreaOpenIn(seeking, 'd')).toBe(true);
    expect(loadIn(seeking, 'd')).toEqual({ limit: 15, through: 'far-task' });
    expect(seekIn(seeking, 'd', 'far-task')).toBe(seeking);
    expect(loadIn(seeking, 'a').through).toBeNull();
  });

  it('changes nothing for a task the plan does not hold (yet)', () => {
    const areas = [buildArea('a', buildTasks(3))];
    const state = loaded(areas);
    expect(revealIn(state, areas, 'not-yet-loaded')).toBe(state);
  });

  it('shows the row of every task of any plan, whatever was open before', () => {
    // A pick of 0 makes a top-level task: about half are, so a task can sit far down a long area.
    const picks = fc.array(fc.oneof(fc.constant(0), fc.nat()), { maxLength: 80, size: 'medium' });
    const planArb = fc.array(picks, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(planArb, fc.boolean(), (picksPerArea, collapseFirst) => {
        const areas = picksPerArea.map((p, i) => buildArea(`area${i}`, forestFrom(p, `a${i}-`)));
        const start = collapseFirst ? collapseAllIn(loaded(areas)) : loaded(areas);
        for (const area of areas) {
          for (const { task } of visibleRows(area.tasks, () => true)) {
            expect(shown(revealIn(start, areas, task.id), area)?.ids).toContain(task.id);
          }
        }
      }),
    );
  });
});
