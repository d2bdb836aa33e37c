import { MAX_TASK_DEPTH, checkClarity, type Clarity, type Plan, type Task, type TaskNode } from '@accord/domain';

export type PlanArea = Plan['areas'][number];

export interface TaskRow {
  task: TaskNode;
  depth: number;
  /** Position among its siblings, and how many siblings there are (for up/down). */
  index: number;
  siblings: number;
}

/** The rows a table shows: depth-first, skipping the children of tasks that are not open. */
export function visibleRows(tasks: readonly TaskNode[], isOpen: (task: TaskNode) => boolean, depth = 0): TaskRow[] {
  const rows: TaskRow[] = [];
  const walk = (level: readonly TaskNode[], d: number) =>
    level.forEach((task, index) => {
      rows.push({ task, depth: d, index, siblings: level.length });
      if (task.children.length > 0 && isOpen(task)) walk(task.children, d + 1);
    });
  walk(tasks, depth);
  return rows;
}

/** The first rows of an area, cut only between top-level tasks so a task always shows with its sub-tasks. */
export interface LimitedRows {
  rows: TaskRow[];
  /** The top-level tasks shown, and all the tasks under them (shown or folded). */
  shownTopLevel: number;
  shownTasks: number;
  /** Some top-level tasks are left out: the area offers "show more". */
  hasMore: boolean;
}

/**
 * Whole top-level tasks, in order, until at least `budget` rows are taken. `topLevelTotal`: how
 * many top-level tasks the area holds, when only the first of them are loaded.
 */
export function limitRows(
  rows: readonly TaskRow[],
  topLevel: readonly TaskNode[],
  budget: number,
  topLevelTotal = topLevel.length,
): LimitedRows {
  let end = 0;
  let shownTopLevel = 0;
  while (end < rows.length && (end < budget || rows[end]?.depth !== 0)) {
    if (rows[end]?.depth === 0) shownTopLevel += 1;
    end += 1;
  }
  const shownTasks = topLevel.slice(0, shownTopLevel).reduce((n, t) => n + countTasks([t]), 0);
  return { rows: rows.slice(0, end), shownTopLevel, shownTasks, hasMore: shownTopLevel < topLevelTotal };
}

/** How many tasks a tree holds, at every level. */
export function countTasks(tasks: readonly TaskNode[]): number {
  return tasks.reduce((n, t) => n + 1 + countTasks(t.children), 0);
}

/** Where a task sits: its area, which top-level task it hangs under, and the tasks above it. */
export interface TaskPlace {
  areaId: string;
  topLevelIndex: number;
  /** From the top-level task down to the task's parent. */
  ancestors: TaskNode[];
}

export function placeOf(areas: readonly PlanArea[], taskId: string): TaskPlace | null {
  const pathTo = (tasks: readonly TaskNode[]): TaskNode[] | null => {
    for (const t of tasks) {
      if (t.id === taskId) return [];
      const below = pathTo(t.children);
      if (below) return [t, ...below];
    }
    return null;
  };
  for (const area of areas) {
    for (const [topLevelIndex, top] of area.tasks.entries()) {
      const path = pathTo([top]);
      if (path) return { areaId: area.id, topLevelIndex, ancestors: path };
    }
  }
  return null;
}

export function allTaskIds(tasks: readonly TaskNode[]): string[] {
  return tasks.flatMap((t) => [t.id, ...allTaskIds(t.children)]);
}

export function findTask(areas: readonly PlanArea[], taskId: string): TaskNode | null {
  const search = (tasks: readonly TaskNode[]): TaskNode | null => {
    for (const t of tasks) {
      if (t.id === taskId) return t;
      const found = search(t.children);
      if (found) return found;
    }
    return null;
  };
  for (const area of areas) {
    const found = search(area.tasks);
    if (found) return found;
  }
  return null;
}

/** How many levels hang below the task (0 for a leaf). */
/** Whether a task's progress is rolled up from its sub-tasks (it has some not cancelled), as the server works it out. */
export function isProgressRolledUp(task: Pick<TaskNode, 'children'>): boolean {
  return task.children.some((c) => c.state !== 'cancelled');
}

export function subtreeHeight(task: TaskNode): number {
  return task.children.length === 0 ? 0 : 1 + Math.max(...task.children.map(subtreeHeight));
}

export function depthOf(areas: readonly PlanArea[], taskId: string): number {
  const walk = (tasks: readonly TaskNode[], depth: number): number => {
    for (const t of tasks) {
      if (t.id === taskId) return depth;
      const found = walk(t.children, depth + 1);
      if (found >= 0) return found;
    }
    return -1;
  };
  for (const area of areas) {
    const d = walk(area.tasks, 0);
    if (d >= 0) return d;
  }
  return -1;
}

/** A sub-task may be added under a task only above the deepest level. */
export function canHaveSubtasks(depth: number): boolean {
  return depth + 1 < MAX_TASK_DEPTH;
}

export interface ParentOption {
  task: TaskNode;
  depth: number;
}

/**
 * Where `moving` may go inside an area: under any task that is not in its own subtree and
 * leaves the whole moved subtree within the depth limit.
 */
export function parentOptions(area: PlanArea, moving: TaskNode): ParentOption[] {
  const height = subtreeHeight(moving);
  const result: ParentOption[] = [];
  const walk = (tasks: readonly TaskNode[], depth: number) => {
    for (const t of tasks) {
      if (t.id === moving.id) continue;
      if (depth + 1 + height < MAX_TASK_DEPTH) result.push({ task: t, depth });
      walk(t.children, depth + 1);
    }
  };
  walk(area.tasks, 0);
  return result;
}

/** The tasks under `parentId` (null: top level) in an area. */
export function childrenOf(area: PlanArea, parentId: string | null): TaskNode[] {
  if (parentId === null) return area.tasks;
  const find = (tasks: readonly TaskNode[]): TaskNode | null => {
    for (const t of tasks) {
      if (t.id === parentId) return t;
      const found = find(t.children);
      if (found) return found;
    }
    return null;
  };
  return find(area.tasks)?.children ?? [];
}

/** Area and task titles by id ("1.2 Xây dựng …"), for naming ids in the history. */
export function planTitles(areas: readonly PlanArea[]): Map<string, string> {
  const titles = new Map<string, string>();
  const walk = (tasks: readonly TaskNode[]) =>
    tasks.forEach((t) => {
      titles.set(t.id, [t.code, t.title].filter(Boolean).join(' '));
      walk(t.children);
    });
  areas.forEach((a) => {
    titles.set(a.id, a.title);
    walk(a.tasks);
  });
  return titles;
}

/** Whether a task is clear in its "5 rõ": the domain's check, on the task as the plan holds it. */
export function clarityOf(
  task: Pick<Task, 'title' | 'description' | 'responsiblePerson' | 'startDate' | 'dueDate' | 'leadUnit' | 'expectedProduct' | 'decidedBy'>,
  withAuthority = false,
): Clarity {
  return checkClarity({ ...task, leadUnitId: task.leadUnit?.id ?? null }, { withAuthority });
}

const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The plan cut down to the tasks that fail the "5 rõ" check, each with the tasks above it (so it
 * shows where it sits); areas with none are left out. Nothing is copied when nothing is cut.
 */
export function failingOnly(areas: readonly PlanArea[], withAuthority = false): PlanArea[] {
  const prune = (tasks: readonly TaskNode[]): TaskNode[] =>
    tasks.flatMap((t) => {
      const children = prune(t.children);
      if (children.length === 0 && clarityOf(t, withAuthority).clear) return [];
      return [same(children, t.children) ? t : { ...t, children }];
    });
  return areas.flatMap((a) => {
    const tasks = prune(a.tasks);
    return tasks.length === 0 ? [] : [same(tasks, a.tasks) ? a : { ...a, tasks }];
  });
}
