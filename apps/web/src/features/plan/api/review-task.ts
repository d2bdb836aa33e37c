import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { invalidateAgreement, queryKeys } from '../../../lib/query-keys';

/** The steps of a task's product: the lead side delivers it, the other party accepts or rejects it (with reasons). */
export type DeliveryStep =
  /** With the product's evidence, uploaded first. */
  { step: 'deliver'; fileIds?: string[] } | { step: 'accept' } | { step: 'reject'; reason: string };

export function takeDeliveryStep(agreementId: string, taskId: string, version: number, s: DeliveryStep) {
  const params = { id: agreementId, taskId };
  switch (s.step) {
    case 'deliver':
      return call('deliverTask', { params, version, body: { fileIds: s.fileIds ?? [] } });
    case 'accept':
      return call('acceptTask', { params, version, body: {} });
    case 'reject':
      return call('rejectTask', { params, version, body: { reason: s.reason } });
  }
}

export function useDeliveryStep(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, version, step }: { taskId: string; version: number; step: DeliveryStep }) =>
      takeDeliveryStep(agreementId, taskId, version, step),
    onSuccess: (task) => queryClient.setQueryData(queryKeys.task(agreementId, task.id), task),
    onSettled: () => invalidateAgreement(queryClient, agreementId),
  });
}
