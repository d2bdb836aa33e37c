import { MAX_TASK_DEPTH, type Plan, type Task, type TaskNode } from '@accord/domain';
import { todayIso } from '../../../lib/dates';

export type PlanArea = Plan['areas'][number];

export interface TaskRow {
  task: TaskNode;
  depth: number;
  /** Position among its siblings, and how many siblings there are (for up/down). */
  index: number;
  siblings: number;
}

/** The rows a table shows: depth-first, skipping the children of collapsed tasks. */
export function visibleRows(tasks: readonly TaskNode[], collapsed: ReadonlySet<string>, depth = 0): TaskRow[] {
  const rows: TaskRow[] = [];
  tasks.forEach((task, index) => {
    rows.push({ task, depth, index, siblings: tasks.length });
    if (!collapsed.has(task.id)) rows.push(...visibleRows(task.children, collapsed, depth + 1));
  });
  return rows;
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

/** Past its deadline and neither done nor cancelled. */
export function isOverdue(task: Pick<TaskNode, 'dueDate' | 'status'>): boolean {
  return task.dueDate !== null && task.dueDate < todayIso() && task.status !== 'completed' && task.status !== 'cancelled';
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

/** The units that lead at least one task of the plan, each once. */
export function leadUnitsOf(areas: readonly PlanArea[]): NonNullable<Task['leadUnit']>[] {
  const units = new Map<string, NonNullable<Task['leadUnit']>>();
  const walk = (tasks: readonly TaskNode[]) =>
    tasks.forEach((t) => {
      if (t.leadUnit) units.set(t.leadUnit.id, t.leadUnit);
      walk(t.children);
    });
  areas.forEach((a) => walk(a.tasks));
  return [...units.values()];
}
