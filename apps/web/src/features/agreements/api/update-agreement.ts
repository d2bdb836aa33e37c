import type { AgreementDetail, agreementUpdateInput } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { isVersionConflict } from '../../../lib/api-error';
import { agreementQueryKey } from './get-agreement';
import { agreementsQueryKey } from './get-agreements';

export type AgreementUpdateBody = z.input<typeof agreementUpdateInput>;

export function updateAgreement(id: string, version: number, body: AgreementUpdateBody): Promise<AgreementDetail> {
  return api.patch<AgreementDetail>(`/api/agreements/${encodeURIComponent(id)}`, body, { version });
}

/** Saves an edit of the version the user saw; on 412 the newer version replaces the cached one. */
export function useUpdateAgreement(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: AgreementUpdateBody }) => updateAgreement(id, version, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(agreementQueryKey(id), updated);
      void queryClient.invalidateQueries({ queryKey: [...agreementsQueryKey, 'list'] });
    },
    onError: (error) => {
      if (isVersionConflict(error)) void queryClient.invalidateQueries({ queryKey: agreementQueryKey(id) });
    },
  });
}
