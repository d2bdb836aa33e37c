import type { AgreementStatus } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { invalidateAgreement, queryKeys } from '../../../lib/query-keys';

export function changeAgreementStatus(id: string, version: number, status: AgreementStatus) {
  return call('changeAgreementStatus', { params: { id }, version, body: { status } });
}

export function useChangeAgreementStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, status }: { version: number; status: AgreementStatus }) => changeAgreementStatus(id, version, status),
    onSuccess: (updated) => queryClient.setQueryData(queryKeys.agreementDetail(id), updated),
    // On a 412 too: the newer version replaces the one the user saw.
    onSettled: () => invalidateAgreement(queryClient, id),
  });
}
