import type { AgreementList, AgreementListQuery } from '@accord/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The list filters, as kept in the page's URL: the contract's query as the server reads it. */
export type AgreementFilters = Partial<Omit<AgreementListQuery, 'page' | 'pageSize'>> & Pick<AgreementListQuery, 'page' | 'pageSize'>;

export function getAgreements(filters: AgreementFilters, signal?: AbortSignal): Promise<AgreementList> {
  return call('listAgreements', { query: filters, signal });
}

export function useAgreements(filters: AgreementFilters) {
  return useQuery({
    queryKey: queryKeys.agreementList(filters),
    queryFn: ({ signal }) => getAgreements(filters, signal),
    placeholderData: keepPreviousData,
  });
}
