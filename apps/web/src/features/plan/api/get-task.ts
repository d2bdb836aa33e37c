import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const taskQueryKey = queryKeys.task;

export function getTask(agreementId: string, taskId: string, signal?: AbortSignal) {
  return call('getTask', { params: { id: agreementId, taskId }, signal });
}

export function useTask(agreementId: string, taskId: string | null) {
  return useQuery({
    queryKey: taskQueryKey(agreementId, taskId ?? ''),
    queryFn: ({ signal }) => getTask(agreementId, taskId ?? '', signal),
    enabled: taskId !== null,
  });
}
