import { Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../../lib/current-user';
import { useAcceptanceQueue } from '../api/get-acceptance-queue';
import { TaskListResults } from './task-list-results';
import { useTaskListFilters } from './use-task-list-filters';

type Waiting = 'mine' | 'theirs';

/**
 * "Nghiệm thu sản phẩm": the products delivered by the other side that the user's side must
 * accept, or those the user's side delivered and the other side has still to accept — in the
 * agreements the user's organisation is a party to, the longest waiting first.
 */
export function AcceptancePage() {
  const { t } = useTranslation('tasks');
  const user = useCurrentUser();
  const state = useTaskListFilters();
  const [params, setParams] = useSearchParams();
  const waiting: Waiting = params.get('waiting') === 'theirs' ? 'theirs' : 'mine';
  const { filters, update } = state;
  const [search, setSearch] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(search, 350);

  useEffect(() => {
    if (debounced.trim() !== (filters.q ?? '')) update({ q: debounced.trim() || null });
    // Only the typed text drives this effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const list = useAcceptanceQueue({
    waiting,
    q: filters.q,
    sort: filters.sort,
    order: filters.order,
    page: filters.page,
    pageSize: filters.pageSize,
    after: filters.after,
  });

  const choose = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === 'theirs') next.set('waiting', 'theirs');
        else next.delete('waiting');
        next.delete('page');
        next.delete('after');
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('acceptance.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('acceptance.subtitle', { organisation: user.organisation.name })}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <SegmentedControl
            value={waiting}
            onChange={choose}
            data={[
              { value: 'mine', label: t('acceptance.mine') },
              { value: 'theirs', label: t('acceptance.theirs') },
            ]}
            data-testid="acceptance-waiting"
          />
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('tasks.searchPlaceholder')}
            aria-label={t('tasks.searchLabel')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="acceptance-search"
          />
        </Stack>
      </Paper>
      <TaskListResults
        list={list}
        state={state}
        hrefFor={(item) => `/agreements/${item.agreementId}?task=${item.id}`}
        showAgreement
        emptyTitle={t(waiting === 'mine' ? 'acceptance.emptyMine' : 'acceptance.emptyTheirs')}
        emptyDescription={t('acceptance.emptyDescription')}
      />
    </Stack>
  );
}
