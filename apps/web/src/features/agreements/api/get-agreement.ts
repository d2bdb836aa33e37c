import type { AgreementDetail } from '@accord/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const agreementQueryKey = (id: string) => ['agreements', 'detail', id] as const;

export function getAgreement(id: string, signal?: AbortSignal): Promise<AgreementDetail> {
  return api.get<AgreementDetail>(`/api/agreements/${encodeURIComponent(id)}`, { signal });
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementQueryKey(id), queryFn: ({ signal }) => getAgreement(id, signal) });
}
