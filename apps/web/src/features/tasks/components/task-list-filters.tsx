import { obligors, taskStatuses, type Obligor, type TaskStatus } from '@accord/domain';
import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { Children, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskListFilters } from '../api/task-list-query';
import type { TaskFilterPatch } from './use-task-list-filters';

interface TaskListFiltersProps {
  filters: TaskListFilters;
  onChange: (patch: TaskFilterPatch) => void;
  onClear: () => void;
  hasFilters: boolean;
  /** Filters only one list has (the agreement's lead units and areas), placed between status and "overdue". */
  children?: ReactNode;
}

/** Text, status, "overdue only" and "not reported this cycle", plus whatever the list adds; every change goes to the URL. */
export function TaskListFiltersBar({ filters, onChange, onClear, hasFilters, children }: TaskListFiltersProps) {
  const { t } = useTranslation('tasks');
  const [search, setSearch] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(search, 350);
  const extra = Children.toArray(children).length;

  useEffect(() => {
    if (debounced.trim() !== (filters.q ?? '')) onChange({ q: debounced.trim() || null });
    // Only the typed text drives this effect; the URL drives the one below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  useEffect(() => {
    setSearch((current) => (current.trim() === (filters.q ?? '') ? current : (filters.q ?? '')));
  }, [filters.q]);

  return (
    <Paper withBorder p="md" radius="md">
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('tasks.searchPlaceholder')}
        aria-label={t('tasks.searchLabel')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-testid="task-list-search"
        mb="sm"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: Math.min(6, Math.max(4, 4 + extra)) }} spacing="sm">
        <MultiSelect
          label={t('tasks.filters.status')}
          placeholder={filters.status ? undefined : t('tasks.filters.any')}
          data={taskStatuses.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
          value={filters.status ?? []}
          onChange={(v) => onChange({ status: v.length > 0 ? (v as TaskStatus[]) : null })}
          clearable
          data-testid="task-list-filter-status"
        />
        <Select
          label={t('tasks.filters.obligor')}
          placeholder={t('tasks.filters.any')}
          data={obligors.map((o) => ({ value: o, label: t(`obligor.${o}`) }))}
          value={filters.obligor ?? null}
          onChange={(v) => onChange({ obligor: (v as Obligor | null) ?? null })}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="task-list-filter-obligor"
        />
        {children}
        <Switch
          label={t('tasks.filters.overdue')}
          checked={filters.overdue ?? false}
          onChange={(e) => onChange({ overdue: e.currentTarget.checked || null })}
          style={{ alignSelf: 'end' }}
          mb={8}
          data-testid="task-list-filter-overdue"
        />
        <Switch
          label={t('tasks.filters.stale')}
          checked={filters.stale ?? false}
          onChange={(e) => onChange({ stale: e.currentTarget.checked || null })}
          style={{ alignSelf: 'end' }}
          mb={8}
          data-testid="task-list-filter-stale"
        />
      </SimpleGrid>
      {hasFilters && (
        <Group justify="flex-end" mt="sm">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={14} />}
            onClick={() => {
              setSearch('');
              onClear();
            }}
            data-testid="task-list-filters-clear"
          >
            {t('tasks.filters.clear')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
