import { useAgreementHistory } from '../api/get-agreement-history';
import { HistoryList } from './history-list';

/** The agreement's "Lịch sử" tab: every change to it, its areas and its tasks. */
export function AgreementHistory({ agreementId }: { agreementId: string }) {
  const history = useAgreementHistory(agreementId);
  return <HistoryList history={history} />;
}
