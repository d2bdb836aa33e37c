import type { AuditEvent } from '@accord/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { PAGE_SIZE } from './get-agreement-history';

export const taskHistoryQueryKey = (agreementId: string, taskId: string) => ['history', 'task', agreementId, taskId] as const;

export function getTaskHistory(
  agreementId: string,
  taskId: string,
  before?: string,
  signal?: AbortSignal,
): Promise<{ items: AuditEvent[] }> {
  return api.get<{ items: AuditEvent[] }>(
    `/api/agreements/${encodeURIComponent(agreementId)}/tasks/${encodeURIComponent(taskId)}/history`,
    { query: { limit: PAGE_SIZE, before }, signal },
  );
}

export function useTaskHistory(agreementId: string, taskId: string) {
  return useInfiniteQuery({
    queryKey: taskHistoryQueryKey(agreementId, taskId),
    queryFn: ({ pageParam, signal }) => getTaskHistory(agreementId, taskId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.items.length < PAGE_SIZE ? undefined : last.items[last.items.length - 1]?.id),
  });
}
