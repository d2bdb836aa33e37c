import type { BodyOf } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type AgreementCreateBody = BodyOf<'createAgreement'>;

export function createAgreement(body: AgreementCreateBody) {
  return call('createAgreement', { body });
}

export function useCreateAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAgreement,
    onSuccess: (created) => {
      queryClient.setQueryData(queryKeys.agreementDetail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: queryKeys.agreementLists });
    },
  });
}
