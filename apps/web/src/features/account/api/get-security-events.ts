import type { SecurityEventKind } from '@accord/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const SECURITY_PAGE_SIZE = 50;

/** The security log, newest first, a page at a time, optionally of one kind (administrators). */
export function useSecurityEvents(kind: SecurityEventKind | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.securityEvents(kind),
    queryFn: ({ pageParam, signal }) =>
      call('listSecurityEvents', { query: { kind: kind ?? undefined, limit: SECURITY_PAGE_SIZE, before: pageParam }, signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.items.length < SECURITY_PAGE_SIZE ? undefined : last.items[last.items.length - 1]?.id),
  });
}
