import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../lib/current-user';
import { useUnitTasks } from '../api/get-unit-tasks';
import { TaskListFiltersBar } from './task-list-filters';
import { TaskListResults } from './task-list-results';
import { useTaskListFilters } from './use-task-list-filters';

/** "Việc của đơn vị": the tasks the user's unit and the units below it lead, in every agreement the user can read. */
export function UnitTasksPage() {
  const { t } = useTranslation('tasks');
  const user = useCurrentUser();
  const state = useTaskListFilters();
  const list = useUnitTasks(state.filters);

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('tasks.title')}</Title>
        <Text c="dimmed" size="sm" data-testid="unit-tasks-subtitle">
          {t('tasks.subtitle', { unit: user.organisation.name })}
        </Text>
      </div>
      <TaskListFiltersBar filters={state.filters} onChange={state.update} onClear={state.clear} hasFilters={state.hasFilters} />
      <TaskListResults
        list={list}
        state={state}
        hrefFor={(item) => `/agreements/${item.agreementId}?task=${item.id}`}
        showAgreement
        emptyTitle={t('tasks.empty.title')}
        emptyDescription={t('tasks.empty.description')}
      />
    </Stack>
  );
}
