import type { TaskNode } from '@accord/domain';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { limitRows, placeOf, visibleRows, type PlanArea } from './plan-tree';

/**
 * A plan can hold thousands of tasks, and a browser freezes on thousands of table rows; so the
 * tree opens small and grows on demand: each area shows its first rows (whole top-level tasks)
 * and a "show more"; areas open in order until about OPEN_ROWS rows are shown, the rest show
 * their heading and task count until opened; a task with very many sub-tasks starts folded.
 * A small plan thus shows whole, as it is.
 */
const FIRST_ROWS = 15;
const MORE_ROWS = 60;
const OPEN_ROWS = 45;
const MANY_SUBTASKS = 12;

/** Expand all and collapse all set every area and task at once; a click then changes one of them. */
type Mode = 'auto' | 'expanded' | 'collapsed';

interface ViewState {
  mode: Mode;
  /** Which areas start open, decided once when the plan first loads (an area added later starts open). */
  areasAtFirst: ReadonlyMap<string, boolean> | null;
  /** Areas and tasks the user opened (true) or closed (false) since the mode was set. */
  areas: ReadonlyMap<string, boolean>;
  tasks: ReadonlyMap<string, boolean>;
  /** Rows asked for per area with "show more" (or to reveal a task). */
  budgets: ReadonlyMap<string, number>;
}

const initialState: ViewState = { mode: 'auto', areasAtFirst: null, areas: new Map(), tasks: new Map(), budgets: new Map() };

function isAreaOpenIn(state: ViewState, areaId: string): boolean {
  const chosen = state.areas.get(areaId);
  if (chosen !== undefined) return chosen;
  if (state.mode === 'auto') return state.areasAtFirst?.get(areaId) ?? true;
  return state.mode === 'expanded';
}

function areasOpenAtFirst(areas: readonly PlanArea[]): Map<string, boolean> {
  let rows = 0;
  return new Map(
    areas.map((area) => {
      const isOpen = rows < OPEN_ROWS;
      if (isOpen)
        rows += limitRows(
          visibleRows(area.tasks, (t) => isTaskOpenIn(initialState, t)),
          area.tasks,
          FIRST_ROWS,
        ).rows.length;
      return [area.id, isOpen];
    }),
  );
}

function isTaskOpenIn(state: ViewState, task: TaskNode): boolean {
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
function revealIn(state: ViewState, areas: readonly PlanArea[], taskId: string): ViewState {
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

function budgetIn(state: ViewState, areaId: string): number {
  return state.budgets.get(areaId) ?? FIRST_ROWS;
}

export interface PlanTreeView {
  isAreaOpen: (areaId: string) => boolean;
  isTaskOpen: (task: TaskNode) => boolean;
  /** How many rows the area shows at least (whole top-level tasks). */
  rowBudget: (areaId: string) => number;
  toggleArea: (areaId: string) => void;
  openArea: (areaId: string) => void;
  toggleTask: (task: TaskNode) => void;
  showMore: (areaId: string) => void;
  expandAll: () => void;
  collapseAll: () => void;
  /** Opens the way to a task as soon as the plan holds it (a link to it, a task just created or moved). */
  reveal: (taskId: string) => void;
}

/** What of the plan tree is open and how much of each area is shown. */
export function usePlanTreeView(areas: readonly PlanArea[] | undefined): PlanTreeView {
  const [state, setState] = useState<ViewState>(initialState);
  const [pending, setPending] = useState<string | null>(null);
  if (areas && !state.areasAtFirst) setState({ ...state, areasAtFirst: areasOpenAtFirst(areas) });

  useEffect(() => {
    if (!pending || !areas || !placeOf(areas, pending)) return;
    setState((current) => revealIn(current, areas, pending));
    setPending(null);
  }, [pending, areas]);

  // Opening an area or showing more can add a hundred rows: drawn as a transition, in slices, so the
  // click is answered at once. Opening a task adds a few rows, drawn at once.
  const change = useCallback((update: (s: ViewState) => ViewState) => startTransition(() => setState(update)), []);
  const toggleArea = useCallback(
    (areaId: string) => change((s) => ({ ...s, areas: withEntry(s.areas, areaId, !isAreaOpenIn(s, areaId)) })),
    [change],
  );
  const openArea = useCallback((areaId: string) => setState((s) => ({ ...s, areas: withEntry(s.areas, areaId, true) })), []);
  const toggleTask = useCallback(
    (task: TaskNode) => setState((s) => ({ ...s, tasks: withEntry(s.tasks, task.id, !isTaskOpenIn(s, task)) })),
    [],
  );
  const showMore = useCallback(
    (areaId: string) => change((s) => ({ ...s, budgets: withEntry(s.budgets, areaId, budgetIn(s, areaId) + MORE_ROWS) })),
    [change],
  );
  const expandAll = useCallback(() => change((s) => ({ ...s, mode: 'expanded', areas: new Map(), tasks: new Map() })), [change]);
  const collapseAll = useCallback(() => change((s) => ({ ...s, mode: 'collapsed', areas: new Map(), tasks: new Map() })), [change]);

  return useMemo(
    () => ({
      isAreaOpen: (areaId) => isAreaOpenIn(state, areaId),
      isTaskOpen: (task) => isTaskOpenIn(state, task),
      rowBudget: (areaId) => budgetIn(state, areaId),
      toggleArea,
      openArea,
      toggleTask,
      showMore,
      expandAll,
      collapseAll,
      reveal: setPending,
    }),
    [state, toggleArea, openArea, toggleTask, showMore, expandAll, collapseAll],
  );
}

/** A task opened from a link may be far down the plan: bring its row into view, once, behind the drawer. */
export function useScrollToOpenTask(openTaskId: string | null, tree: PlanTreeView, treeAreas: readonly PlanArea[] | undefined) {
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!openTaskId || scrolledTo.current === openTaskId) return;
    const row = document.querySelector(`[data-task-id="${CSS.escape(openTaskId)}"]`);
    if (!row) return;
    scrolledTo.current = openTaskId;
    const { top, bottom } = row.getBoundingClientRect();
    if (top < 0 || bottom > window.innerHeight) row.scrollIntoView({ block: 'center' });
    // Looked for again whenever the tree is drawn anew, until the row is there.
  }, [openTaskId, tree, treeAreas]);
}
