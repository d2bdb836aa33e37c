import type { BodyOf } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { invalidateAgreement } from '../../../lib/query-keys';

export type AreaCreateBody = BodyOf<'createArea'>;

export function createArea(agreementId: string, body: AreaCreateBody) {
  return call('createArea', { params: { id: agreementId }, body });
}

export function useCreateArea(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AreaCreateBody) => createArea(agreementId, body),
    onSuccess: () => invalidateAgreement(queryClient, agreementId),
  });
}
