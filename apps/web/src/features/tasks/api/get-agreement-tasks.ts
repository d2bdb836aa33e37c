import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { taskListQuery, type TaskListFilters } from './task-list-query';

/** One agreement's tasks as a flat list, filtered, sorted and paged on the server. */
export function getAgreementTasks(agreementId: string, filters: TaskListFilters, signal?: AbortSignal) {
  return call('listAgreementTasks', { params: { id: agreementId }, query: taskListQuery(filters), signal });
}

export function useAgreementTasks(agreementId: string, filters: TaskListFilters) {
  return useQuery({
    queryKey: queryKeys.agreementTasks(agreementId, filters),
    queryFn: ({ signal }) => getAgreementTasks(agreementId, filters, signal),
    placeholderData: keepPreviousData,
  });
}
