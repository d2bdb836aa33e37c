import { useAgreementHistory } from '../api/get-agreement-history';
import { HistoryList } from './history-list';

/** The agreement's "Lịch sử" tab: every change to it, its areas and its tasks. */
export function AgreementHistory({ agreementId }: { agreementId: string }) {
  const history = useAgreementHistory(agreementId);
  return (
    <HistoryList
      pages={history.data?.pages}
      error={history.error}
      isPending={history.isPending}
      hasNextPage={history.hasNextPage}
      isFetchingNextPage={history.isFetchingNextPage}
      fetchNextPage={() => void history.fetchNextPage()}
      refetch={() => void history.refetch()}
    />
  );
}
