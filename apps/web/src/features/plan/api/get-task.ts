import type { Task } from '@accord/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const taskQueryKey = (agreementId: string, taskId: string) => ['plan', agreementId, 'task', taskId] as const;

export function getTask(agreementId: string, taskId: string, signal?: AbortSignal): Promise<Task> {
  return api.get<Task>(`/api/agreements/${encodeURIComponent(agreementId)}/tasks/${encodeURIComponent(taskId)}`, { signal });
}

export function useTask(agreementId: string, taskId: string | null) {
  return useQuery({
    queryKey: taskQueryKey(agreementId, taskId ?? ''),
    queryFn: ({ signal }) => getTask(agreementId, taskId ?? '', signal),
    enabled: taskId !== null,
  });
}
