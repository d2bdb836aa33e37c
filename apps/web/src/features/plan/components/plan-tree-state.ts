import type { TaskNode } from '@accord/domain';
import { FIRST_ROWS, MORE_ROWS, areasOpenAtFirst, type AreaCount } from './plan-first-rows';
import { placeOf, visibleRows, type PlanArea } from './plan-tree';

export { FIRST_ROWS, MORE_ROWS, OPEN_ROWS, SMALL_PLAN_ROWS, areasOpenAtFirst, type AreaCount } from './plan-first-rows';

export const MANY_SUBTASKS = 12;

/** Expand all and collapse all set every area and task at once; a click then changes one of them. */
type Mode = 'auto' | 'expanded' | 'collapsed';

export interface ViewState {
  mode: Mode;
  /** Which areas start open, decided once when the plan first loads (an area added later starts open). */
  areasAtFirst: ReadonlyMap<string, boolean> | null;
  /** Areas and tasks the user opened (true) or closed (false) since the mode was set. */
  areas: ReadonlyMap<string, boolean>;
  tasks: ReadonlyMap<string, boolean>;
  /** Rows asked for per area with "show more" (or to reveal a task). */
  budgets: ReadonlyMap<string, number>;
  /** Top-level tasks to load per area (FIRST_ROWS until "show more"). */
  loads: ReadonlyMap<string, number>;
  /** A task each area's tasks must reach, to reveal it (a link to it, a task just created or moved). */
  through: ReadonlyMap<string, string>;
}

export const initialState: ViewState = {
  mode: 'auto',
  areasAtFirst: null,
  areas: new Map(),
  tasks: new Map(),
  budgets: new Map(),
  loads: new Map(),
  through: new Map(),
};

export function isAreaOpenIn(state: ViewState, areaId: string): boolean {
  const chosen = state.areas.get(areaId);
  if (chosen !== undefined) return chosen;
  if (state.mode === 'auto') return state.areasAtFirst?.get(areaId) ?? true;
  return state.mode === 'expanded';
}

export function isTaskOpenIn(state: ViewState, task: TaskNode): boolean {
  if (task.children.length === 0) return false;
  const chosen = state.tasks.get(task.id);
  if (chosen !== undefined) return chosen;
  if (state.mode === 'auto') return task.children.length <= MANY_SUBTASKS;
  return state.mode === 'expanded';
}

function withEntry<V>(map: ReadonlyMap<string, V>, key: string, value: V): Map<string, V> {
  return new Map(map).set(key, value);
}

/** The state after opening everything on the way to a task and showing enough rows to reach it. */
export function revealIn(state: ViewState, areas: readonly PlanArea[], taskId: string): ViewState {
  const place = placeOf(areas, taskId);
  const area = areas.find((a) => a.id === place?.areaId);
  if (!place || !area) return state;
  let next = state;
  if (!isAreaOpenIn(next, area.id)) next = { ...next, areas: withEntry(next.areas, area.id, true) };
  const closed = place.ancestors.filter((t) => !isTaskOpenIn(next, t));
  if (closed.length > 0) {
    const tasks = new Map(next.tasks);
    closed.forEach((t) => tasks.set(t.id, true));
    next = { ...next, tasks };
  }
  // The rows up to the end of the task's top-level task, as they are now open.
  const upTo = visibleRows(area.tasks.slice(0, place.topLevelIndex + 1), (t) => isTaskOpenIn(next, t)).length;
  if (budgetIn(next, area.id) < upTo) next = { ...next, budgets: withEntry(next.budgets, area.id, upTo) };
  return next;
}

export function budgetIn(state: ViewState, areaId: string): number {
  return state.budgets.get(areaId) ?? FIRST_ROWS;
}

/** What to load of an area: how many top-level tasks, and a task to reach (null: none). */
export function loadIn(state: ViewState, areaId: string): { limit: number; through: string | null } {
  return { limit: state.loads.get(areaId) ?? FIRST_ROWS, through: state.through.get(areaId) ?? null };
}

/** The state on the way to revealing a task: its area opens and loads far enough to hold it. */
export function seekIn(state: ViewState, areaId: string, taskId: string): ViewState {
  const next = isAreaOpenIn(state, areaId) ? state : openAreaIn(state, areaId);
  return next.through.get(areaId) === taskId ? next : { ...next, through: withEntry(next.through, areaId, taskId) };
}

/** The state once the plan's outline has loaded: which areas start open is decided now, and only once. */
export function withFirstAreas(state: ViewState, areas: readonly AreaCount[]): ViewState {
  return state.areasAtFirst ? state : { ...state, areasAtFirst: areasOpenAtFirst(areas) };
}

export function toggleAreaIn(state: ViewState, areaId: string): ViewState {
  return { ...state, areas: withEntry(state.areas, areaId, !isAreaOpenIn(state, areaId)) };
}

export function openAreaIn(state: ViewState, areaId: string): ViewState {
  return { ...state, areas: withEntry(state.areas, areaId, true) };
}

export function toggleTaskIn(state: ViewState, task: TaskNode): ViewState {
  return { ...state, tasks: withEntry(state.tasks, task.id, !isTaskOpenIn(state, task)) };
}

/** MORE_ROWS more rows, and MORE_ROWS more top-level tasks past the `loaded` ones (enough for them, however folded). */
export function showMoreIn(state: ViewState, areaId: string, loaded: number): ViewState {
  const load = Math.max(state.loads.get(areaId) ?? FIRST_ROWS, loaded) + MORE_ROWS;
  return {
    ...state,
    budgets: withEntry(state.budgets, areaId, budgetIn(state, areaId) + MORE_ROWS),
    loads: withEntry(state.loads, areaId, load),
  };
}

export function expandAllIn(state: ViewState): ViewState {
  return { ...state, mode: 'expanded', areas: new Map(), tasks: new Map() };
}

export function collapseAllIn(state: ViewState): ViewState {
  return { ...state, mode: 'collapsed', areas: new Map(), tasks: new Map() };
}
