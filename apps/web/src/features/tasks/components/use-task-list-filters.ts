import { obligors, taskSortKeys, taskStatuses, type Obligor, type TaskSortKey, type TaskStatus } from '@accord/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Sort } from '../../../components/ui/sortable-th';
import type { TaskListFilters } from '../api/task-list-query';

const DEFAULT_PAGE_SIZE = 20;
/** The server's own order when none is asked for: the nearest deadline first, undated last. */
export const DEFAULT_TASK_SORT: Sort<TaskSortKey> = { key: 'dueDate', reversed: false };

/**
 * What "clear filters" removes: the sort and page size stay, and so does any parameter this hook
 * does not own (the agreement page's tab, view, open task).
 */
const FILTER_KEYS = ['q', 'status', 'overdue', 'stale', 'obligor', 'leadUnitId', 'areaId', 'page', 'after'] as const;

export interface TaskFilterPatch {
  q?: string | null;
  status?: TaskStatus[] | null;
  overdue?: boolean | null;
  /** Only tasks not reported in the current cycle. */
  stale?: boolean | null;
  obligor?: Obligor | null;
  leadUnitId?: string | null;
  areaId?: string | null;
  /** null: back to the default order. */
  sort?: Sort<TaskSortKey> | null;
  page?: number;
  /** Where that page starts: the list's `next` when it is the page after the one shown (kept only with `page`). */
  after?: string | null;
  pageSize?: number;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = value ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function parseStatuses(value: string | null): TaskStatus[] | undefined {
  const statuses = taskStatuses.filter((s) => (value ?? '').split(',').includes(s));
  return statuses.length > 0 ? statuses : undefined;
}

function setOrDelete(params: URLSearchParams, key: string, value: string | null | undefined): void {
  if (value) params.set(key, value);
  else params.delete(key);
}

/** The filters a task list's URL asks for; anything unknown or malformed falls back to the default. */
export function parseTaskListFilters(params: URLSearchParams): TaskListFilters {
  const text = (key: string) => params.get(key) || undefined;
  const sort = taskSortKeys.find((k) => k === params.get('sort'));
  return {
    q: text('q'),
    status: parseStatuses(params.get('status')),
    overdue: params.get('overdue') === 'true' || undefined,
    stale: params.get('stale') === 'true' || undefined,
    obligor: obligors.find((o) => o === params.get('obligor')),
    leadUnitId: text('leadUnitId'),
    areaId: text('areaId'),
    sort,
    order: sort ? (params.get('order') === 'desc' ? 'desc' : 'asc') : undefined,
    page: positiveInt(params.get('page'), 1),
    pageSize: Math.min(positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE), 100),
    after: positiveInt(params.get('page'), 1) > 1 ? text('after') : undefined,
  };
}

/** The order the table's headers show: the one asked for, or the server's default. */
export function taskListSort(filters: TaskListFilters): Sort<TaskSortKey> {
  return filters.sort ? { key: filters.sort, reversed: filters.order === 'desc' } : DEFAULT_TASK_SORT;
}

/**
 * The URL after changing some filters; any change other than the page itself goes back to page 1.
 * The page after the one shown goes on from the list's `next` (the server reads on from that task,
 * not past every task before it); any other page is counted to.
 */
export function withTaskFilterPatch(current: URLSearchParams, patch: TaskFilterPatch): URLSearchParams {
  const next = new URLSearchParams(current);
  if ('q' in patch) setOrDelete(next, 'q', patch.q?.trim());
  if ('status' in patch) setOrDelete(next, 'status', patch.status?.join(','));
  if ('overdue' in patch) setOrDelete(next, 'overdue', patch.overdue ? 'true' : null);
  if ('stale' in patch) setOrDelete(next, 'stale', patch.stale ? 'true' : null);
  if ('obligor' in patch) setOrDelete(next, 'obligor', patch.obligor);
  if ('leadUnitId' in patch) setOrDelete(next, 'leadUnitId', patch.leadUnitId);
  if ('areaId' in patch) setOrDelete(next, 'areaId', patch.areaId);
  if ('sort' in patch) {
    const isDefault = !patch.sort || (patch.sort.key === DEFAULT_TASK_SORT.key && patch.sort.reversed === DEFAULT_TASK_SORT.reversed);
    setOrDelete(next, 'sort', isDefault ? null : patch.sort?.key);
    setOrDelete(next, 'order', !isDefault && patch.sort?.reversed ? 'desc' : null);
  }
  if (patch.pageSize !== undefined) setOrDelete(next, 'pageSize', patch.pageSize === DEFAULT_PAGE_SIZE ? null : String(patch.pageSize));
  setOrDelete(next, 'page', patch.page !== undefined && patch.page > 1 ? String(patch.page) : null);
  // A place in the list holds only for the page it was given for: any other change starts over.
  setOrDelete(next, 'after', patch.page !== undefined && patch.page > 1 ? patch.after : null);
  return next;
}

/** The URL after "clear filters". */
export function withoutTaskFilters(current: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of FILTER_KEYS) next.delete(key);
  return next;
}

export function hasTaskFilters(filters: TaskListFilters): boolean {
  return Boolean(
    filters.q || filters.status || filters.overdue || filters.stale || filters.obligor || filters.leadUnitId || filters.areaId,
  );
}

/**
 * A task list's filters live in the URL (?q=&status=in_progress,paused&overdue=true&stale=true&sort=title&page=2),
 * so a reload, the back button or a shared link shows the same list.
 */
export function useTaskListFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseTaskListFilters(params), [params]);
  const sort = taskListSort(filters);

  /** Changes some filters; any change other than the page itself goes back to page 1. */
  const update = useCallback(
    (patch: TaskFilterPatch) => setParams((current) => withTaskFilterPatch(current, patch), { replace: true }),
    [setParams],
  );
  const clear = useCallback(() => setParams(withoutTaskFilters, { replace: true }), [setParams]);

  return { filters, sort, update, clear, hasFilters: hasTaskFilters(filters) };
}
