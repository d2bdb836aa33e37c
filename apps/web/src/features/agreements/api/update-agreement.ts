import type { BodyOf } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { invalidateAgreement, queryKeys } from '../../../lib/query-keys';

export type AgreementUpdateBody = BodyOf<'updateAgreement'>;

export function updateAgreement(id: string, version: number, body: AgreementUpdateBody) {
  return call('updateAgreement', { params: { id }, version, body });
}

/** Saves an edit of the version the user saw; on 412 the newer version replaces the cached one. */
export function useUpdateAgreement(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: AgreementUpdateBody }) => updateAgreement(id, version, body),
    onSuccess: (updated) => queryClient.setQueryData(queryKeys.agreementDetail(id), updated),
    onSettled: () => invalidateAgreement(queryClient, id),
  });
}
