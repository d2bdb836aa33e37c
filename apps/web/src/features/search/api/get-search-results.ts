import type { SearchResult } from '@accord/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The server refuses shorter queries (400 VALIDATION_FAILED); the page says so instead of asking. */
export const MIN_QUERY_LENGTH = 2;
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

/** Agreements and tasks the user can read, matched without regard to diacritics or case. */
export function getSearchResults(q: string, limit: number, signal?: AbortSignal): Promise<SearchResult> {
  return call('search', { query: { q, limit }, signal });
}

export function useSearchResults(q: string, limit: number) {
  const query = q.trim();
  return useQuery({
    queryKey: queryKeys.search(query, limit),
    queryFn: ({ signal }) => getSearchResults(query, limit, signal),
    enabled: query.length >= MIN_QUERY_LENGTH,
    placeholderData: keepPreviousData,
  });
}
