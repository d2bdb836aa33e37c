import type { TaskList } from '@accord/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { taskListQuery, taskListQueryKey, type TaskListFilters } from './task-list-query';

/** Tasks across every agreement the user can read, led by the user's organisation or a unit below it. */
export function getUnitTasks(filters: TaskListFilters, signal?: AbortSignal): Promise<TaskList> {
  return api.get<TaskList>('/api/tasks', { query: taskListQuery(filters), signal });
}

export function useUnitTasks(filters: TaskListFilters) {
  return useQuery({
    queryKey: [...taskListQueryKey, 'unit', filters],
    queryFn: ({ signal }) => getUnitTasks(filters, signal),
    placeholderData: keepPreviousData,
  });
}
