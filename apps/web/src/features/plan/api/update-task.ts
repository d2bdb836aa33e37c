import type { Task, taskUpdateInput } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { planQueryKey } from './get-plan';
import { taskQueryKey } from './get-task';

export type TaskUpdateBody = z.input<typeof taskUpdateInput>;

export function updateTask(agreementId: string, taskId: string, version: number, body: TaskUpdateBody): Promise<Task> {
  return api.patch<Task>(`/api/agreements/${encodeURIComponent(agreementId)}/tasks/${encodeURIComponent(taskId)}`, body, { version });
}

export function useUpdateTask(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, version, body }: { taskId: string; version: number; body: TaskUpdateBody }) =>
      updateTask(agreementId, taskId, version, body),
    onSuccess: (task) => queryClient.setQueryData(taskQueryKey(agreementId, task.id), task),
    onSettled: () => queryClient.invalidateQueries({ queryKey: planQueryKey(agreementId) }),
  });
}
