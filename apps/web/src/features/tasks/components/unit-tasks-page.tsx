import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../lib/current-user';
import { useUnitTasks } from '../api/get-unit-tasks';
import { TaskListFiltersBar } from './task-list-filters';
import { TaskListResults } from './task-list-results';
import { useTaskListFilters } from './use-task-list-filters';

/** "Việc của đơn vị": the tasks the user's unit and the units below it lead, in every agreement the user can read. */
export function UnitTasksPage() {
  const { t, i18n } = useTranslation('tasks');
  const user = useCurrentUser();
  const state = useTaskListFilters();
  const list = useUnitTasks(state.filters);
  // The unit's stale count: the same list, asked only for its total.
  const stale = useUnitTasks({ stale: true, page: 1, pageSize: 1 });
  const staleCount = stale.data?.total ?? 0;

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('tasks.title')}</Title>
        <Text c="dimmed" size="sm" data-testid="unit-tasks-subtitle">
          {t('tasks.subtitle', { unit: user.organisation.name })}
        </Text>
      </div>
      {stale.data && staleCount > 0 && !state.filters.stale && (
        <Alert color="orange" variant="light" icon={<IconClockExclamation size={18} />} data-testid="unit-stale">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm">
              {stale.data.totalCapped
                ? t('reporting.unitStaleAtLeast', { n: staleCount.toLocaleString(i18n.language) })
                : t('reporting.unitStale', { count: staleCount })}
            </Text>
            <Button size="xs" variant="light" color="orange" onClick={() => state.update({ stale: true })} data-testid="unit-stale-show">
              {t('reporting.showStale')}
            </Button>
          </Group>
        </Alert>
      )}
      {stale.data && staleCount === 0 && (
        <Text size="sm" c="dimmed" data-testid="unit-stale-none">
          {t('reporting.unitFresh')}
        </Text>
      )}
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
