/**
 * A plan can hold thousands of tasks, and a browser freezes on thousands of table rows; so the
 * tree opens small and grows on demand: each area shows its first rows (whole top-level tasks)
 * and a "show more"; areas open in order until about OPEN_ROWS rows are shown, the rest show
 * their heading and task count until opened (a plan of up to SMALL_PLAN_ROWS such rows opens
 * whole, as it is); a task with very many sub-tasks starts folded. The browser holds only what is shown: an area's tasks
 * are asked for when it opens, FIRST_ROWS top-level tasks (each with its tree), and MORE_ROWS more
 * with each "show more".
 *
 * This module imports nothing: the router starts loading a plan's first rows with it, before the
 * plan's code (and the domain package) has arrived.
 */
export const FIRST_ROWS = 15;
export const MORE_ROWS = 60;
// About a screen: opening 45 rows drew twice what a screen shows before the plan's first mark
// (Lighthouse on the 9,000-task plan: 72 → 77, first rows 969 → 576 ms after the page; docs/PERFORMANCE.md).
export const OPEN_ROWS = 20;
/** A plan whose areas' first rows come to no more than this opens whole (the seeds' plans of 25 tasks). */
export const SMALL_PLAN_ROWS = 45;

/** An area as the plan's outline gives it, before its tasks are loaded. */
export interface AreaCount {
  id: string;
  taskCount: number;
}

/** Which areas open at first, from their task counts alone (an area shows at most FIRST_ROWS rows at first). */
export function areasOpenAtFirst(areas: readonly AreaCount[]): Map<string, boolean> {
  const firstRows = (area: AreaCount) => Math.min(area.taskCount, FIRST_ROWS);
  if (areas.reduce((n, area) => n + firstRows(area), 0) <= SMALL_PLAN_ROWS) return new Map(areas.map((area) => [area.id, true]));
  let rows = 0;
  return new Map(
    areas.map((area) => {
      const isOpen = rows < OPEN_ROWS;
      if (isOpen) rows += firstRows(area);
      return [area.id, isOpen];
    }),
  );
}

/**
 * What the tree asks for first, before anything is opened or shown more: the first FIRST_ROWS
 * top-level tasks of each area open at first (the router asks for the same, under the same keys,
 * while the page's code loads).
 */
export function firstAreaLoads(areas: readonly AreaCount[]): { areaId: string; limit: number; through: null }[] {
  const open = areasOpenAtFirst(areas);
  return areas.filter((a) => a.taskCount > 0 && open.get(a.id)).map((a) => ({ areaId: a.id, limit: FIRST_ROWS, through: null }));
}
