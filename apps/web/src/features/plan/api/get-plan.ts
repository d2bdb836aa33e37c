import type { PlanAreaPage } from '@accord/domain';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The plan without its tasks: areas with their counts and "5 rõ" tallies, the plan's tally, its lead units. */
export function usePlanOutline(agreementId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.planOutline(agreementId),
    queryFn: ({ signal }) => call('getPlanOutline', { params: { id: agreementId }, signal }),
    enabled,
  });
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

/**
 * The tasks of the areas the page shows, one request per area. Asking for more of an area asks
 * for its first tasks anew, with the rest: one answer always holds one moment of the plan. While
 * it loads, the area keeps showing what it had.
 */
export function usePlanAreas(agreementId: string, wants: readonly AreaWant[]): ReadonlyMap<string, AreaTasks> {
  const last = useRef(new Map<string, PlanAreaPage>());
  const previous = useRef<ReadonlyMap<string, AreaTasks>>(new Map());
  const results = useQueries({
    queries: wants.map((w) => ({
      queryKey: queryKeys.planArea(agreementId, w.areaId, w.limit, w.through),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        call('getPlanAreaTasks', {
          params: { id: agreementId, areaId: w.areaId },
          query: { from: 0, limit: w.limit, through: w.through ?? undefined },
          signal,
        }),
    })),
  });
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
