import type { AuditEvent } from '@accord/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const PAGE_SIZE = 50;

export const agreementHistoryQueryKey = (agreementId: string) => ['history', 'agreement', agreementId] as const;

export function getAgreementHistory(agreementId: string, before?: string, signal?: AbortSignal): Promise<{ items: AuditEvent[] }> {
  return api.get<{ items: AuditEvent[] }>(`/api/agreements/${encodeURIComponent(agreementId)}/history`, {
    query: { limit: PAGE_SIZE, before },
    signal,
  });
}

/** Every change to the agreement, its areas and tasks, newest first, a page at a time. */
export function useAgreementHistory(agreementId: string) {
  return useInfiniteQuery({
    queryKey: agreementHistoryQueryKey(agreementId),
    queryFn: ({ pageParam, signal }) => getAgreementHistory(agreementId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.items.length < PAGE_SIZE ? undefined : last.items[last.items.length - 1]?.id),
  });
}
