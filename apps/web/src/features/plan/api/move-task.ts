import type { Task, TaskMoveInput } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { planQueryKey } from './get-plan';

export type TaskMoveBody = Omit<TaskMoveInput, 'version'>;

export function moveTask(agreementId: string, taskId: string, version: number, body: TaskMoveBody): Promise<Task> {
  return api.post<Task>(`/api/agreements/${encodeURIComponent(agreementId)}/tasks/${encodeURIComponent(taskId)}/move`, body, { version });
}

export function useMoveTask(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, version, body }: { taskId: string; version: number; body: TaskMoveBody }) =>
      moveTask(agreementId, taskId, version, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: planQueryKey(agreementId) }),
  });
}
