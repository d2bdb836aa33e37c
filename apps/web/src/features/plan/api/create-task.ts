import type { Task, taskCreateInput } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { planQueryKey } from './get-plan';

export type TaskCreateBody = z.input<typeof taskCreateInput>;

export function createTask(agreementId: string, body: TaskCreateBody): Promise<Task> {
  return api.post<Task>(`/api/agreements/${encodeURIComponent(agreementId)}/tasks`, body);
}

export function useCreateTask(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskCreateBody) => createTask(agreementId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planQueryKey(agreementId) }),
  });
}
