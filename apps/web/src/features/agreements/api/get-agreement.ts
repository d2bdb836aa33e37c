import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const agreementQueryKey = queryKeys.agreementDetail;

export function getAgreement(id: string, signal?: AbortSignal) {
  return call('getAgreement', { params: { id }, signal });
}

export function agreementQuery(id: string) {
  return queryOptions({ queryKey: agreementQueryKey(id), queryFn: ({ signal }) => getAgreement(id, signal) });
}

export function useAgreement(id: string) {
  return useQuery(agreementQuery(id));
}
