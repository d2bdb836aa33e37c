import { useTaskHistory } from '../api/get-task-history';
import { HistoryList } from './history-list';

/** One task's changes, shown in the task drawer. */
export function TaskHistory({ agreementId, taskId, knownTitles }: { agreementId: string; taskId: string; knownTitles?: ReadonlyMap<string, string> }) {
  const history = useTaskHistory(agreementId, taskId);
  return (
    <HistoryList
      pages={history.data?.pages}
      error={history.error}
      isPending={history.isPending}
      hasNextPage={history.hasNextPage}
      isFetchingNextPage={history.isFetchingNextPage}
      fetchNextPage={() => void history.fetchNextPage()}
      refetch={() => void history.refetch()}
      knownTitles={knownTitles}
    />
  );
}
