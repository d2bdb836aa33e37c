import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { invalidateAgreement } from '../../../lib/query-keys';

export function deleteArea(agreementId: string, areaId: string, version: number) {
  return call('deleteArea', { params: { id: agreementId, areaId }, version });
}

export function useDeleteArea(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ areaId, version }: { areaId: string; version: number }) => deleteArea(agreementId, areaId, version),
    onSettled: () => invalidateAgreement(queryClient, agreementId),
  });
}
