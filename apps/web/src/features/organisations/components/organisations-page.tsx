import type { Side } from '@accord/domain';
import { Group, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/ui/page-loader';
import { QueryError } from '../../../components/ui/query-error';
import { useOrganisations } from '../../../lib/organisations/get-organisations';
import { indexById, isHistorical } from '../../../lib/organisations/organisation-names';
import { OrganisationTree } from './organisation-tree';

/** Both sides' organisation trees: provinces and their units, groups and their branches. */
export function OrganisationsPage() {
  const { t } = useTranslation('organisations');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [withHistorical, setWithHistorical] = useState(true);
  const organisations = useOrganisations({ includeHistorical: true });
  const byId = useMemo(() => indexById(organisations.data ?? []), [organisations.data]);

  const bySide = useMemo(() => {
    const list = (organisations.data ?? []).filter((o) => withHistorical || !isHistorical(o));
    const pick = (side: Side) => list.filter((o) => o.side === side);
    return { government: pick('government'), enterprise: pick('enterprise') };
  }, [organisations.data, withHistorical]);

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('organisations.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('organisations.subtitle')}
        </Text>
      </div>
      <Group align="center" gap="md" wrap="wrap">
        <TextInput
          style={{ flex: '1 1 320px' }}
          leftSection={<IconSearch size={16} />}
          placeholder={t('organisations.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="organisations-search"
        />
        <Switch
          label={t('organisations.showHistorical')}
          checked={withHistorical}
          onChange={(e) => setWithHistorical(e.currentTarget.checked)}
          data-testid="organisations-historical"
        />
      </Group>
      {organisations.isError && <QueryError error={organisations.error} onRetry={() => void organisations.refetch()} />}
      {organisations.isPending ? (
        <PageLoader />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {(['government', 'enterprise'] as const).map((side) => (
            <Paper key={side} withBorder radius="md" p="md" data-testid={`organisations-${side}`}>
              <Group justify="space-between" mb="sm">
                <Title order={4}>{t(`sides.${side}`)}</Title>
                <Text size="sm" c="dimmed">
                  {t('organisations.count', { n: bySide[side].length })}
                </Text>
              </Group>
              <OrganisationTree organisations={bySide[side]} byId={byId} search={debounced} />
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
