import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { taskListQuery, type TaskListFilters } from './task-list-query';

/** Tasks across every agreement the user can read, led by the user's organisation or a unit below it. */
export function getUnitTasks(filters: TaskListFilters, signal?: AbortSignal) {
  const { areaId: _areaId, ...query } = taskListQuery(filters);
  return call('listUnitTasks', { query, signal });
}

export function useUnitTasks(filters: TaskListFilters) {
  return useQuery({
    queryKey: queryKeys.unitTasks(filters),
    queryFn: ({ signal }) => getUnitTasks(filters, signal),
    placeholderData: keepPreviousData,
  });
}
