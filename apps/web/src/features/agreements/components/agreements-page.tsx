import { Button, EmptyState, Group, LoadingOverlay, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListPagination } from '../../../components/ui/list-pagination';
import { QueryError } from '../../../components/ui/query-error';
import { canCreateAgreements, useCurrentUser } from '../../../lib/current-user';
import { useAgreements } from '../api/get-agreements';
import { AgreementsFilters } from './agreements-filters';
import { AgreementsTable } from './agreements-table';
import { useAgreementFilters } from './use-agreement-filters';

export function AgreementsPage() {
  const { t } = useTranslation('agreements');
  const user = useCurrentUser();
  const { filters, update, clear, hasFilters } = useAgreementFilters();
  const list = useAgreements(filters);
  const total = list.data?.total ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('agreements.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('agreements.subtitle')}
          </Text>
        </div>
        {canCreateAgreements(user) && (
          <Button component={Link} to="/agreements/new" leftSection={<IconPlus size={18} />} data-testid="create-agreement">
            {t('agreements.create')}
          </Button>
        )}
      </Group>

      <AgreementsFilters filters={filters} onChange={update} onClear={clear} hasFilters={hasFilters} />

      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}

      <Paper withBorder radius="md" pos="relative" mih={160}>
        <LoadingOverlay visible={list.isFetching} zIndex={5} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
        {list.data && list.data.items.length > 0 && (
          <AgreementsTable
            items={list.data.items}
            sort={filters.sort ? { key: filters.sort, reversed: filters.order === 'desc' } : null}
            onSortChange={(next) => update({ sort: next?.key ?? null, order: next?.reversed ? 'desc' : null })}
          />
        )}
        {list.data && list.data.items.length === 0 && (
          <EmptyState
            py="xl"
            icon={<IconFileOff size={36} />}
            title={hasFilters ? t('agreements.empty.filteredTitle') : t('agreements.empty.title')}
            description={hasFilters ? t('agreements.empty.filteredDescription') : t('agreements.empty.description')}
            data-testid="agreements-empty"
          >
            {hasFilters && (
              <EmptyState.Actions>
                <Button variant="light" onClick={clear}>
                  {t('agreements.filters.clear')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        )}
      </Paper>

      {list.data && total > 0 && (
        <ListPagination
          totalLabel={t('agreements.total', { n: total })}
          total={total}
          page={filters.page}
          pageSize={filters.pageSize}
          onPage={(page) => update({ page })}
          onPageSize={(pageSize) => update({ pageSize })}
          testId="agreements"
        />
      )}
    </Stack>
  );
}
