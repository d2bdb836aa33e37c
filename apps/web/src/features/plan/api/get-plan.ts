import type { PlanAreaPage } from '@accord/domain';
import { queryOptions, useQueries, useQuery, type QueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { firstAreaLoads } from '../components/plan-first-rows';

/** The plan without its tasks: areas with their counts and "5 rõ" tallies, the plan's tally, its lead units. */
function planOutlineQuery(agreementId: string) {
  return queryOptions({
    queryKey: queryKeys.planOutline(agreementId),
    queryFn: ({ signal }) => call('getPlanOutline', { params: { id: agreementId }, signal }),
  });
}

export function usePlanOutline(agreementId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...planOutlineQuery(agreementId), enabled });
}

/** What the page wants of one area: its first `limit` top-level tasks (each with its tree), reaching at least `through`. */
export interface AreaWant {
  areaId: string;
  limit: number;
  through: string | null;
}

export interface AreaTasks {
  /** The latest answer for the area; while a larger one loads, the one before it. */
  page: PlanAreaPage | undefined;
  isFetching: boolean;
  error: Error | null;
  refetch: () => void;
}

function planAreaQuery(agreementId: string, want: AreaWant) {
  return queryOptions({
    queryKey: queryKeys.planArea(agreementId, want.areaId, want.limit, want.through),
    queryFn: ({ signal }) =>
      call('getPlanAreaTasks', {
        params: { id: agreementId, areaId: want.areaId },
        query: { from: 0, limit: want.limit, through: want.through ?? undefined },
        signal,
      }),
  });
}

/**
 * Starts loading what the plan tab shows first (its outline, then, for the tree, its first areas'
 * rows) before the page's code has arrived, under the keys the tree will ask for. Failures are left for the
 * page to show: it asks again and reports them.
 */
export async function prefetchPlanTree(
  queryClient: QueryClient,
  agreementId: string,
  { firstRows }: { firstRows: boolean },
): Promise<void> {
  const outline = await queryClient.fetchQuery(planOutlineQuery(agreementId)).catch(() => null);
  if (!outline || !firstRows) return;
  await Promise.all(firstAreaLoads(outline.areas).map((w) => queryClient.prefetchQuery(planAreaQuery(agreementId, w))));
}

/**
 * The tasks of the areas the page shows, one request per area. Asking for more of an area asks
 * for its first tasks anew, with the rest: one answer always holds one moment of the plan. While
 * it loads, the area keeps showing what it had.
 */
export function usePlanAreas(agreementId: string, wants: readonly AreaWant[]): ReadonlyMap<string, AreaTasks> {
  const last = useRef(new Map<string, PlanAreaPage>());
  const previous = useRef<ReadonlyMap<string, AreaTasks>>(new Map());
  const results = useQueries({ queries: wants.map((w) => planAreaQuery(agreementId, w)) });
  const areas = new Map<string, AreaTasks>();
  wants.forEach((w, i) => {
    const result = results[i];
    if (!result) return;
    if (result.data) last.current.set(w.areaId, result.data);
    const page = result.data ?? last.current.get(w.areaId);
    const before = previous.current.get(w.areaId);
    const same = before && before.page === page && before.isFetching === result.isFetching && before.error === result.error;
    areas.set(w.areaId, same ? before : { page, isFetching: result.isFetching, error: result.error, refetch: () => void result.refetch() });
  });
  // The same answers give the same map, so what is worked out from it is not worked out again.
  const unchanged = areas.size === previous.current.size && [...areas].every(([id, a]) => previous.current.get(id) === a);
  if (!unchanged) previous.current = areas;
  return previous.current;
}
