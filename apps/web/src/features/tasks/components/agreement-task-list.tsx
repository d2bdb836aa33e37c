import type { Task, TaskListItem } from '@accord/domain';
import { Select, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { foldFilter } from '../../../lib/fold-filter';
import { organisationName } from '../../../lib/organisations/organisation-names';
import { useAgreementTasks } from '../api/get-agreement-tasks';
import { TaskListFiltersBar } from './task-list-filters';
import { TaskListResults } from './task-list-results';
import { useTaskListFilters } from './use-task-list-filters';

type OrgRef = NonNullable<Task['leadUnit']>;

interface AgreementTaskListProps {
  agreementId: string;
  /** The units that lead a task of the plan: the choices of the lead-unit filter. */
  leadUnits: readonly OrgRef[];
  areas: readonly { id: string; title: string }[];
}

/** The plan as one flat list: filtered, sorted and paged on the server; a task opens in the page's panel. */
export function AgreementTaskList({ agreementId, leadUnits, areas }: AgreementTaskListProps) {
  const { t, i18n } = useTranslation('tasks');
  const [params] = useSearchParams();
  const state = useTaskListFilters();
  const list = useAgreementTasks(agreementId, state.filters);
  const { filters, update } = state;

  const unitOptions = useMemo(
    () =>
      leadUnits
        .map((u) => ({ value: u.id, label: organisationName({ nameVi: u.name, nameEn: u.nameEn }, i18n.language) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    [leadUnits, i18n.language],
  );
  const areaOptions = useMemo(() => areas.map((a, i) => ({ value: a.id, label: `${i + 1}. ${a.title}` })), [areas]);

  // Opening a task keeps the list as it is (filters, page) and adds the task to the address.
  const hrefFor = (item: TaskListItem) => {
    const next = new URLSearchParams(params);
    next.set('task', item.id);
    return `?${next.toString()}`;
  };

  return (
    <Stack gap="md" data-testid="plan-list">
      <TaskListFiltersBar filters={filters} onChange={update} onClear={state.clear} hasFilters={state.hasFilters}>
        <Select
          label={t('tasks.filters.leadUnit')}
          placeholder={t('tasks.filters.any')}
          data={unitOptions}
          value={filters.leadUnitId ?? null}
          onChange={(v) => update({ leadUnitId: v })}
          searchable
          clearable
          filter={foldFilter}
          nothingFoundMessage={t('common.noResults')}
          comboboxProps={{ withinPortal: true }}
          data-testid="task-list-filter-lead-unit"
        />
        <Select
          label={t('tasks.filters.area')}
          placeholder={t('tasks.filters.any')}
          data={areaOptions}
          value={filters.areaId ?? null}
          onChange={(v) => update({ areaId: v })}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="task-list-filter-area"
        />
      </TaskListFiltersBar>
      <TaskListResults
        list={list}
        state={state}
        hrefFor={hrefFor}
        replaceOnOpen
        showAgreement={false}
        emptyTitle={t('tasks.empty.planTitle')}
        emptyDescription={t('tasks.empty.planDescription')}
      />
    </Stack>
  );
}
