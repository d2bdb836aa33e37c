import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The agreement's current reporting cycle and each lead unit's tasks under way and stale. */
export function useAgreementReporting(agreementId: string) {
  return useQuery({
    queryKey: queryKeys.agreementReporting(agreementId),
    queryFn: ({ signal }) => call('getAgreementReporting', { params: { id: agreementId }, signal }),
  });
}
