import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const planQueryKey = queryKeys.plan;

export function getPlan(agreementId: string, signal?: AbortSignal) {
  return call('getPlan', { params: { id: agreementId }, signal });
}

/** `enabled: false` holds the request back (a plan already loaded is still returned). */
export function usePlan(agreementId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: planQueryKey(agreementId), queryFn: ({ signal }) => getPlan(agreementId, signal), enabled });
}
