import type { BodyOf, Entry, WrittenEntryKind } from '@accord/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { invalidateAgreement, queryKeys } from '../../../lib/query-keys';

export const THREAD_PAGE = 30;

export function useThread(agreementId: string, taskId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.thread(agreementId, taskId),
    queryFn: ({ pageParam, signal }) =>
      call('getTaskThread', { params: { id: agreementId, taskId }, query: { limit: THREAD_PAGE, before: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** What the composer sends: a report (with its progress and state when given), a comment or a direction. */
export type NewEntry = { kind: 'report'; body: BodyOf<'postReport'> } | { kind: 'comment' | 'direction'; body: BodyOf<'postComment'> };

const postEndpoint = { report: 'postReport', comment: 'postComment', direction: 'postDirection' } as const satisfies Record<
  WrittenEntryKind,
  string
>;

/** Posts an entry; the task it moved goes into the cache at once, and every view of the agreement refreshes. */
export function usePostEntry(agreementId: string, taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: NewEntry) => call(postEndpoint[entry.kind], { params: { id: agreementId, taskId }, body: entry.body }),
    onSuccess: ({ task }) => queryClient.setQueryData(queryKeys.task(agreementId, taskId), task),
    onSettled: () => invalidateAgreement(queryClient, agreementId),
  });
}

/** The author's correction of an entry (If-Match), or its withdrawal. */
export function useEntryChange(agreementId: string, taskId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.agreement(agreementId) });
  const edit = useMutation({
    mutationFn: ({ entry, body, mentions }: { entry: Entry; body: string; mentions: string[] }) =>
      call('updateEntry', { params: { id: agreementId, taskId, entryId: entry.id }, version: entry.version, body: { body, mentions } }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (entry: Entry) => call('deleteEntry', { params: { id: agreementId, taskId, entryId: entry.id }, version: entry.version }),
    onSettled: refresh,
  });
  return { edit, remove };
}

/** The people an entry may point at, by the words typed after "@". */
export function usePeople(agreementId: string, q: string | null, internal: boolean) {
  return useQuery({
    queryKey: queryKeys.people(agreementId, q ?? '', internal),
    queryFn: ({ signal }) =>
      call('listAgreementPeople', {
        params: { id: agreementId },
        query: { q: q ?? '', internal: internal ? 'true' : 'false', limit: 8 },
        signal,
      }),
    enabled: q !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
