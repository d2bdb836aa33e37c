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
  openAreaIn,
  revealIn,
  showMoreIn,
  toggleAreaIn,
  toggleTaskIn,
  withFirstAreas,
  type ViewState,
} from './plan-tree-state';

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
  if (areas && !state.areasAtFirst) setState(withFirstAreas(state, areas));

  useEffect(() => {
    if (!pending || !areas || !placeOf(areas, pending)) return;
    setState((current) => revealIn(current, areas, pending));
    setPending(null);
  }, [pending, areas]);

  // Opening an area or showing more can add a hundred rows: drawn as a transition, in slices, so the
  // click is answered at once. Opening a task adds a few rows, drawn at once.
  const change = useCallback((update: (s: ViewState) => ViewState) => startTransition(() => setState(update)), []);
  const toggleArea = useCallback((areaId: string) => change((s) => toggleAreaIn(s, areaId)), [change]);
  const openArea = useCallback((areaId: string) => setState((s) => openAreaIn(s, areaId)), []);
  const toggleTask = useCallback((task: TaskNode) => setState((s) => toggleTaskIn(s, task)), []);
  const showMore = useCallback((areaId: string) => change((s) => showMoreIn(s, areaId)), [change]);
  const expandAll = useCallback(() => change(expandAllIn), [change]);
  const collapseAll = useCallback(() => change(collapseAllIn), [change]);

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
