import type { TaskNode } from '@accord/domain';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { placeOf, type PlanArea } from './plan-tree';
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
  type AreaCount,
  type ViewState,
} from './plan-tree-state';

export interface PlanTreeView {
  isAreaOpen: (areaId: string) => boolean;
  isTaskOpen: (task: TaskNode) => boolean;
  /** How many rows the area shows at least (whole top-level tasks). */
  rowBudget: (areaId: string) => number;
  /** What to load of the area: its first `limit` top-level tasks, reaching `through`. */
  load: (areaId: string) => { limit: number; through: string | null };
  toggleArea: (areaId: string) => void;
  openArea: (areaId: string) => void;
  toggleTask: (task: TaskNode) => void;
  /** `loaded`: how many of the area's top-level tasks are loaded now. */
  showMore: (areaId: string, loaded: number) => void;
  expandAll: () => void;
  collapseAll: () => void;
  /**
   * Opens the way to a task as soon as the loaded plan holds it (a link to it, a task just created
   * or moved); given its area, that area opens and loads as far as the task.
   */
  reveal: (taskId: string, areaId?: string) => void;
  /** The task waiting to be revealed until the loaded plan holds it. */
  revealing: string | null;
  /** Reveals it in the loaded plan (see useRevealWhenLoaded). */
  settleReveal: (areas: readonly PlanArea[]) => void;
}

/**
 * What of the plan tree is open, how much of each area is shown and loaded. `outline`: the
 * plan's areas with their task counts, as soon as they are known.
 */
export function usePlanTreeView(outline: readonly AreaCount[] | undefined): PlanTreeView {
  const [state, setState] = useState<ViewState>(initialState);
  const [pending, setPending] = useState<string | null>(null);
  if (outline && !state.areasAtFirst) setState(withFirstAreas(state, outline));

  const settleReveal = useCallback(
    (areas: readonly PlanArea[]) => {
      if (!pending || !placeOf(areas, pending)) return;
      setState((current) => revealIn(current, areas, pending));
      setPending(null);
    },
    [pending],
  );

  const reveal = useCallback((taskId: string, areaId?: string) => {
    if (areaId) setState((s) => seekIn(s, areaId, taskId));
    setPending(taskId);
  }, []);

  // Opening an area or showing more can add a hundred rows: drawn as a transition, in slices, so the
  // click is answered at once. Opening a task adds a few rows, drawn at once.
  const change = useCallback((update: (s: ViewState) => ViewState) => startTransition(() => setState(update)), []);
  const toggleArea = useCallback((areaId: string) => change((s) => toggleAreaIn(s, areaId)), [change]);
  const openArea = useCallback((areaId: string) => setState((s) => openAreaIn(s, areaId)), []);
  const toggleTask = useCallback((task: TaskNode) => setState((s) => toggleTaskIn(s, task)), []);
  const showMore = useCallback((areaId: string, loaded: number) => change((s) => showMoreIn(s, areaId, loaded)), [change]);
  const expandAll = useCallback(() => change(expandAllIn), [change]);
  const collapseAll = useCallback(() => change(collapseAllIn), [change]);

  return useMemo(
    () => ({
      isAreaOpen: (areaId) => isAreaOpenIn(state, areaId),
      isTaskOpen: (task) => isTaskOpenIn(state, task),
      rowBudget: (areaId) => budgetIn(state, areaId),
      load: (areaId) => loadIn(state, areaId),
      toggleArea,
      openArea,
      toggleTask,
      showMore,
      expandAll,
      collapseAll,
      reveal,
      revealing: pending,
      settleReveal,
    }),
    [state, toggleArea, openArea, toggleTask, showMore, expandAll, collapseAll, reveal, pending, settleReveal],
  );
}

/** Reveals the task waiting for it once the loaded areas hold it. */
export function useRevealWhenLoaded(tree: PlanTreeView, areas: readonly PlanArea[]) {
  const { revealing, settleReveal } = tree;
  useEffect(() => {
    if (revealing) settleReveal(areas);
  }, [revealing, settleReveal, areas]);
}

/** A task opened from a link may be far down the plan: bring its row into view, once, behind the drawer. */
export function useScrollToOpenTask(openTaskId: string | null, tree: PlanTreeView, treeAreas: readonly unknown[] | undefined) {
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
