import { agreementSortKeys, agreementStatusSchema } from '@accord/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AgreementFilters } from '../api/get-agreements';

const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null, fallback: number): number {
  const n = value ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

type FilterKey = Exclude<keyof AgreementFilters, 'page' | 'pageSize' | 'sort' | 'order'> | 'sort' | 'order';
export type FilterPatch = Partial<Record<FilterKey, string | null>> & { page?: number; pageSize?: number };

/** The filters an agreement list's URL asks for; anything unknown or malformed falls back to the default. */
export function parseAgreementFilters(params: URLSearchParams): AgreementFilters {
  const status = agreementStatusSchema.safeParse(params.get('status'));
  const text = (key: string) => params.get(key) || undefined;
  const sort = agreementSortKeys.find((k) => k === params.get('sort'));
  return {
    q: text('q'),
    provinceId: text('provinceId'),
    partnerId: text('partnerId'),
    status: status.success ? status.data : undefined,
    from: text('from'),
    to: text('to'),
    sort,
    // From the sort understood, not the one written: an unknown sort must not turn the default newest-first order around.
    order: params.get('order') === 'desc' ? 'desc' : sort ? 'asc' : undefined,
    page: positiveInt(params.get('page'), 1),
    pageSize: Math.min(positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE), 100),
  };
}

/** The URL after changing some filters; any change other than the page itself goes back to page 1. */
export function withAgreementFilterPatch(current: URLSearchParams, patch: FilterPatch): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  if (patch.page === undefined) next.delete('page');
  if (next.get('pageSize') === String(DEFAULT_PAGE_SIZE)) next.delete('pageSize');
  if (next.get('page') === '1') next.delete('page');
  return next;
}

export function hasAgreementFilters(filters: AgreementFilters): boolean {
  return Boolean(filters.q || filters.provinceId || filters.partnerId || filters.status || filters.from || filters.to);
}

/** The list filters live in the URL (?q=&provinceId=&status=&page=…), so a link shows the same list. */
export function useAgreementFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseAgreementFilters(params), [params]);

  /** Changes some filters; any change other than the page itself goes back to page 1. */
  const update = useCallback(
    (patch: FilterPatch) => setParams((current) => withAgreementFilterPatch(current, patch), { replace: true }),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, update, clear, hasFilters: hasAgreementFilters(filters) };
}
