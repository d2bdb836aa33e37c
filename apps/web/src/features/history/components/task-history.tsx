import { useTaskHistory } from '../api/get-task-history';
import { HistoryList } from './history-list';

/** One task's changes, shown in the task drawer. */
export function TaskHistory({
  agreementId,
  taskId,
  knownTitles,
}: {
  agreementId: string;
  taskId: string;
  knownTitles?: ReadonlyMap<string, string>;
}) {
  const history = useTaskHistory(agreementId, taskId);
  return <HistoryList history={history} knownTitles={knownTitles} />;
}
