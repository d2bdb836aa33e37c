import type { BodyOf } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { invalidateAgreement } from '../../../lib/query-keys';

export type TaskCreateBody = BodyOf<'createTask'>;

export function createTask(agreementId: string, body: TaskCreateBody) {
  return call('createTask', { params: { id: agreementId }, body });
}

export function useCreateTask(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskCreateBody) => createTask(agreementId, body),
    onSuccess: () => invalidateAgreement(queryClient, agreementId),
  });
}
