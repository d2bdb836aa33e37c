import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { invalidateAgreement } from '../../../lib/query-keys';

export function deleteTask(agreementId: string, taskId: string, version: number) {
  return call('deleteTask', { params: { id: agreementId, taskId }, version });
}

export function useDeleteTask(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, version }: { taskId: string; version: number }) => deleteTask(agreementId, taskId, version),
    onSettled: () => invalidateAgreement(queryClient, agreementId),
  });
}
