import type { TaskList } from '@accord/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { taskListQuery, taskListQueryKey, type TaskListFilters } from './task-list-query';

/** One agreement's tasks as a flat list, filtered, sorted and paged on the server. */
export function getAgreementTasks(agreementId: string, filters: TaskListFilters, signal?: AbortSignal): Promise<TaskList> {
  return api.get<TaskList>(`/api/agreements/${encodeURIComponent(agreementId)}/tasks`, { query: taskListQuery(filters), signal });
}

export function useAgreementTasks(agreementId: string, filters: TaskListFilters) {
  return useQuery({
    queryKey: [...taskListQueryKey, 'agreement', agreementId, filters],
    queryFn: ({ signal }) => getAgreementTasks(agreementId, filters, signal),
    placeholderData: keepPreviousData,
  });
}
