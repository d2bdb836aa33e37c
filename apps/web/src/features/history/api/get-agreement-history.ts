import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const PAGE_SIZE = 50;

export const agreementHistoryQueryKey = queryKeys.agreementHistory;

export function getAgreementHistory(agreementId: string, before?: string, signal?: AbortSignal) {
  return call('getAgreementHistory', {
    params: { id: agreementId },
    query: { limit: PAGE_SIZE, before: before ? Number(before) : undefined },
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
