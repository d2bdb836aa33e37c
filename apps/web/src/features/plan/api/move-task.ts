import type { BodyOf } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { invalidateAgreement } from '../../../lib/query-keys';

export type TaskMoveBody = Omit<BodyOf<'moveTask'>, 'version'>;

export function moveTask(agreementId: string, taskId: string, version: number, body: TaskMoveBody) {
  return call('moveTask', { params: { id: agreementId, taskId }, version, body });
}

export function useMoveTask(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, version, body }: { taskId: string; version: number; body: TaskMoveBody }) =>
      moveTask(agreementId, taskId, version, body),
    onSettled: () => invalidateAgreement(queryClient, agreementId),
  });
}
