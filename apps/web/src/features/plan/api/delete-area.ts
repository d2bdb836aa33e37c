import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { planQueryKey } from './get-plan';

export function deleteArea(agreementId: string, areaId: string, version: number): Promise<void> {
  return api.delete(`/api/agreements/${encodeURIComponent(agreementId)}/areas/${encodeURIComponent(areaId)}`, { version });
}

export function useDeleteArea(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ areaId, version }: { areaId: string; version: number }) => deleteArea(agreementId, areaId, version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: planQueryKey(agreementId) }),
  });
}
