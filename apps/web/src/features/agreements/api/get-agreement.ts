import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const agreementQueryKey = queryKeys.agreementDetail;

export function getAgreement(id: string, signal?: AbortSignal) {
  return call('getAgreement', { params: { id }, signal });
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementQueryKey(id), queryFn: ({ signal }) => getAgreement(id, signal) });
}
