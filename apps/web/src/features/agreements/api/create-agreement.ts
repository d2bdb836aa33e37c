import type { AgreementDetail, agreementCreateInput } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { agreementQueryKey } from './get-agreement';
import { agreementsQueryKey } from './get-agreements';

export type AgreementCreateBody = z.input<typeof agreementCreateInput>;

export function createAgreement(body: AgreementCreateBody): Promise<AgreementDetail> {
  return api.post<AgreementDetail>('/api/agreements', body);
}

export function useCreateAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAgreement,
    onSuccess: (created) => {
      queryClient.setQueryData(agreementQueryKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: [...agreementsQueryKey, 'list'] });
    },
  });
}
