import type { BodyOf } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { invalidateAgreement, queryKeys } from '../../../lib/query-keys';

export type TaskUpdateBody = BodyOf<'updateTask'>;

export function updateTask(agreementId: string, taskId: string, version: number, body: TaskUpdateBody) {
  return call('updateTask', { params: { id: agreementId, taskId }, version, body });
}

export function useUpdateTask(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, version, body }: { taskId: string; version: number; body: TaskUpdateBody }) =>
      updateTask(agreementId, taskId, version, body),
    onSuccess: (task) => queryClient.setQueryData(queryKeys.task(agreementId, task.id), task),
    onSettled: () => invalidateAgreement(queryClient, agreementId),
  });
}
