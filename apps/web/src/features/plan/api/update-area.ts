import type { BodyOf } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { invalidateAgreement } from '../../../lib/query-keys';

export type AreaUpdateBody = BodyOf<'updateArea'>;

export function updateArea(agreementId: string, areaId: string, version: number, body: AreaUpdateBody) {
  return call('updateArea', { params: { id: agreementId, areaId }, version, body });
}

/** Edits an area; the plan is reloaded either way, so a 412 also brings the newer version. */
export function useUpdateArea(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ areaId, version, body }: { areaId: string; version: number; body: AreaUpdateBody }) =>
      updateArea(agreementId, areaId, version, body),
    onSettled: () => invalidateAgreement(queryClient, agreementId),
  });
}
