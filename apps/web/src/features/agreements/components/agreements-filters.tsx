import { agreementStatuses, type Organisation } from '@accord/domain';
import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import { foldFilter } from '../../../lib/fold-filter';
import { useOrganisations } from '../../../lib/organisations/get-organisations';
import { indexById, isHistorical, latestSuccessor, organisationName, shortName } from '../../../lib/organisations/organisation-names';
import type { AgreementFilters } from '../api/get-agreements';
import type { FilterPatch } from './use-agreement-filters';

interface AgreementsFiltersProps {
  filters: AgreementFilters;
  onChange: (patch: FilterPatch) => void;
  onClear: () => void;
  hasFilters: boolean;
}

/** Provinces today and those merged in 2025: "Hải Dương (nay là Hải Phòng)". */
function useProvinceOptions() {
  const { t } = useTranslation('agreements');
  const provinces = useOrganisations({ side: 'government', kind: 'province', includeHistorical: true });
  return useMemo(() => {
    const orgs = provinces.data ?? [];
    const byId = indexById(orgs);
    const label = (o: Organisation) => {
      const successor = isHistorical(o) ? latestSuccessor(o, byId) : null;
      return successor ? t('agreements.filters.mergedProvince', { name: shortName(o), successor: shortName(successor) }) : shortName(o);
    };
    return orgs.map((o) => ({ value: o.id, label: label(o) })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }, [provinces.data, t]);
}

function usePartnerOptions() {
  const { i18n } = useTranslation('agreements');
  const groups = useOrganisations({ side: 'enterprise', kind: 'enterprise_group', includeHistorical: true });
  return useMemo(
    () =>
      (groups.data ?? [])
        .map((o) => ({ value: o.id, label: o.shortName ?? organisationName(o, i18n.language) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    [groups.data, i18n.language],
  );
}

export function AgreementsFilters({ filters, onChange, onClear, hasFilters }: AgreementsFiltersProps) {
  const { t } = useTranslation('agreements');
  const [search, setSearch] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(search, 350);
  const provinces = useProvinceOptions();
  const partners = usePartnerOptions();

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
        placeholder={t('agreements.searchPlaceholder')}
        aria-label={t('common.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-testid="agreements-search"
        mb="sm"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
        <Select
          label={t('agreements.filters.province')}
          placeholder={t('agreements.filters.any')}
          data={provinces}
          value={filters.provinceId ?? null}
          onChange={(v) => onChange({ provinceId: v })}
          searchable
          clearable
          filter={foldFilter}
          nothingFoundMessage={t('common.noResults')}
          data-testid="filter-province"
        />
        <Select
          label={t('agreements.filters.partner')}
          placeholder={t('agreements.filters.any')}
          data={partners}
          value={filters.partnerId ?? null}
          onChange={(v) => onChange({ partnerId: v })}
          searchable
          clearable
          filter={foldFilter}
          nothingFoundMessage={t('common.noResults')}
          data-testid="filter-partner"
        />
        <Select
          label={t('agreements.filters.status')}
          placeholder={t('agreements.filters.any')}
          data={agreementStatuses.map((s) => ({ value: s, label: t(`agreementStatus.${s}`) }))}
          value={filters.status ?? null}
          onChange={(v) => onChange({ status: v })}
          clearable
          data-testid="filter-status"
        />
        <DateField
          label={t('agreements.filters.from')}
          value={filters.from ?? null}
          onChange={(v) => onChange({ from: v })}
          testId="filter-from"
        />
        <DateField label={t('agreements.filters.to')} value={filters.to ?? null} onChange={(v) => onChange({ to: v })} testId="filter-to" />
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
            data-testid="filters-clear"
          >
            {t('agreements.filters.clear')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
