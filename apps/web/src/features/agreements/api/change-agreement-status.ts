import type { AgreementDetail, AgreementStatus } from '@accord/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { isVersionConflict } from '../../../lib/api-error';
import { agreementQueryKey } from './get-agreement';
import { agreementsQueryKey } from './get-agreements';

export function changeAgreementStatus(id: string, version: number, status: AgreementStatus): Promise<AgreementDetail> {
  return api.post<AgreementDetail>(`/api/agreements/${encodeURIComponent(id)}/status`, { status }, { version });
}

export function useChangeAgreementStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, status }: { version: number; status: AgreementStatus }) => changeAgreementStatus(id, version, status),
    onSuccess: (updated) => {
      queryClient.setQueryData(agreementQueryKey(id), updated);
      void queryClient.invalidateQueries({ queryKey: [...agreementsQueryKey, 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['history', 'agreement', id] });
    },
    onError: (error) => {
      if (isVersionConflict(error)) void queryClient.invalidateQueries({ queryKey: agreementQueryKey(id) });
    },
  });
}
