import { Button, EmptyState, Group, LoadingOverlay, Pagination, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconFileOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/ui/query-error';
import { canCreateAgreements, useCurrentUser } from '../../../lib/current-user';
import { useAgreements } from '../api/get-agreements';
import { AgreementsFilters } from './agreements-filters';
import { AgreementsTable } from './agreements-table';
import { PAGE_SIZES, useAgreementFilters } from './use-agreement-filters';

export function AgreementsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { filters, update, clear, hasFilters } = useAgreementFilters();
  const list = useAgreements(filters);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / filters.pageSize));

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
        {list.data && list.data.items.length > 0 && <AgreementsTable
            items={list.data.items}
            sort={filters.sort ? { key: filters.sort, reversed: filters.order === 'desc' } : null}
            onSortChange={(next) => update({ sort: next?.key ?? null, order: next?.reversed ? 'desc' : null })}
          />}
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
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed" data-testid="agreements-total">
            {t('agreements.total', { n: total })}
          </Text>
          <Group gap="sm">
            <Pagination total={pages} value={Math.min(filters.page, pages)} onChange={(page) => update({ page })} data-testid="agreements-pagination" />
            <Select
              w={130}
              size="sm"
              aria-label={t('agreements.pageSize')}
              data={PAGE_SIZES.map((n) => ({ value: String(n), label: t('agreements.perPage', { n }) }))}
              value={String(filters.pageSize)}
              onChange={(v) => update({ pageSize: v ? Number(v) : undefined })}
              allowDeselect={false}
            />
          </Group>
        </Group>
      )}
    </Stack>
  );
}
