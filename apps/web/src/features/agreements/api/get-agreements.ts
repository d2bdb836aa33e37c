import type { AgreementList, AgreementSortKey, AgreementStatus } from '@accord/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The list filters, as kept in the page's URL. */
export interface AgreementFilters {
  q?: string;
  provinceId?: string;
  partnerId?: string;
  status?: AgreementStatus;
  from?: string;
  to?: string;
  sort?: AgreementSortKey;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const agreementsQueryKey = ['agreements'] as const;

export function getAgreements(filters: AgreementFilters, signal?: AbortSignal): Promise<AgreementList> {
  return api.get<AgreementList>('/api/agreements', { query: { ...filters }, signal });
}

export function useAgreements(filters: AgreementFilters) {
  return useQuery({
    queryKey: [...agreementsQueryKey, 'list', filters],
    queryFn: ({ signal }) => getAgreements(filters, signal),
    placeholderData: keepPreviousData,
  });
}
