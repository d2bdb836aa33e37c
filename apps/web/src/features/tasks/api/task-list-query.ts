import type { TaskSortKey, TaskStatus } from '@accord/domain';
import type { QueryValue } from '../../../lib/api-client';

/** A task list's filters, sort and page, as the page's URL keeps them. */
export interface TaskListFilters {
  q?: string;
  status?: TaskStatus[];
  overdue?: boolean;
  /** Tasks led by this unit or a unit below it. */
  leadUnitId?: string;
  areaId?: string;
  sort?: TaskSortKey;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Every task list (one agreement's, a unit's) lives under this key, so a change to a task refreshes them all. */
export const taskListQueryKey = ['task-list'] as const;

/** The query string of GET /api/tasks and GET /api/agreements/:id/tasks. */
export function taskListQuery(filters: TaskListFilters): Record<string, QueryValue> {
  return {
    q: filters.q,
    status: filters.status?.join(','),
    overdue: filters.overdue ? 'true' : undefined,
    leadUnitId: filters.leadUnitId,
    areaId: filters.areaId,
    sort: filters.sort,
    order: filters.order,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}
