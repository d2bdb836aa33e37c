import type { TaskList, TaskListItem } from '@accord/domain';
import { Button, EmptyState, LoadingOverlay, Paper, Stack } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ListPagination } from '../../../components/ui/list-pagination';
import { QueryError } from '../../../components/ui/query-error';
import { TaskListTable } from './task-list-table';
import type { useTaskListFilters } from './use-task-list-filters';

interface TaskListResultsProps {
  list: UseQueryResult<TaskList>;
  state: ReturnType<typeof useTaskListFilters>;
  hrefFor: (item: TaskListItem) => string;
  replaceOnOpen?: boolean;
  showAgreement: boolean;
  /** What an empty list says when no filter is set. */
  emptyTitle: string;
  emptyDescription: string;
}

/** A page of tasks with its loading, error and empty states and its pagination. */
export function TaskListResults({
  list,
  state,
  hrefFor,
  replaceOnOpen,
  showAgreement,
  emptyTitle,
  emptyDescription,
}: TaskListResultsProps) {
  const { t, i18n } = useTranslation('tasks');
  const { filters, sort, update, clear, hasFilters } = state;
  const total = list.data?.total ?? 0;
  // The page on screen is the one the URL asks for (not the last one, kept while the next loads).
  const shown = list.data?.page === filters.page && !list.isPlaceholderData;

  return (
    <Stack gap="md">
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}

      {!list.isError && (
        <Paper withBorder radius="md" pos="relative" mih={160}>
          <LoadingOverlay visible={list.isFetching} zIndex={5} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
          {list.data && list.data.items.length > 0 && (
            <TaskListTable
              items={list.data.items}
              sort={sort}
              onSortChange={(next) => update({ sort: next })}
              hrefFor={hrefFor}
              replaceOnOpen={replaceOnOpen}
              showAgreement={showAgreement}
            />
          )}
          {list.data && list.data.items.length === 0 && (
            <EmptyState
              py="xl"
              icon={<IconChecklist size={36} />}
              title={hasFilters ? t('tasks.empty.filteredTitle') : emptyTitle}
              description={hasFilters ? t('tasks.empty.filteredDescription') : emptyDescription}
              data-testid="task-list-empty"
            >
              {hasFilters && (
                <EmptyState.Actions>
                  <Button variant="light" onClick={clear}>
                    {t('tasks.filters.clear')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )}
        </Paper>
      )}

      {list.data && total > 0 && (
        <ListPagination
          totalLabel={t(list.data.totalCapped ? 'tasks.totalAtLeast' : 'tasks.total', { n: total.toLocaleString(i18n.language) })}
          total={total}
          page={filters.page}
          pageSize={filters.pageSize}
          onPage={(page) => update({ page, after: page === filters.page + 1 && shown ? list.data?.next : null })}
          onPageSize={(pageSize) => update({ pageSize })}
          testId="task-list"
        />
      )}
    </Stack>
  );
}
