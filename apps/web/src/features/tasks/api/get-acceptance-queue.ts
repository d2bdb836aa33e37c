import type { QueryOf } from '@accord/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type AcceptanceQuery = QueryOf<'listAcceptanceQueue'>;

/** Delivered products waiting for acceptance: for the user's side to accept, or delivered by it. */
export function useAcceptanceQueue(query: AcceptanceQuery) {
  return useQuery({
    queryKey: queryKeys.acceptance(query),
    queryFn: ({ signal }) => call('listAcceptanceQueue', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
