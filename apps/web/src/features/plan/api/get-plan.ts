import type { Plan } from '@accord/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const planQueryKey = (agreementId: string) => ['plan', agreementId] as const;

export function getPlan(agreementId: string, signal?: AbortSignal): Promise<Plan> {
  return api.get<Plan>(`/api/agreements/${encodeURIComponent(agreementId)}/plan`, { signal });
}

/** `enabled: false` holds the request back (a plan already loaded is still returned). */
export function usePlan(agreementId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: planQueryKey(agreementId), queryFn: ({ signal }) => getPlan(agreementId, signal), enabled });
}
