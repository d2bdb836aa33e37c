import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { planQueryKey } from './get-plan';

export function deleteTask(agreementId: string, taskId: string, version: number): Promise<void> {
  return api.delete(`/api/agreements/${encodeURIComponent(agreementId)}/tasks/${encodeURIComponent(taskId)}`, { version });
}

export function useDeleteTask(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, version }: { taskId: string; version: number }) => deleteTask(agreementId, taskId, version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: planQueryKey(agreementId) }),
  });
}
