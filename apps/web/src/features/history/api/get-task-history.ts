import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { PAGE_SIZE } from './get-agreement-history';

export const taskHistoryQueryKey = queryKeys.taskHistory;

export function getTaskHistory(agreementId: string, taskId: string, before?: string, signal?: AbortSignal) {
  return call('getTaskHistory', {
    params: { id: agreementId, taskId },
    query: { limit: PAGE_SIZE, before: before ? Number(before) : undefined },
    signal,
  });
}

export function useTaskHistory(agreementId: string, taskId: string) {
  return useInfiniteQuery({
    queryKey: taskHistoryQueryKey(agreementId, taskId),
    queryFn: ({ pageParam, signal }) => getTaskHistory(agreementId, taskId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.items.length < PAGE_SIZE ? undefined : last.items[last.items.length - 1]?.id),
  });
}
