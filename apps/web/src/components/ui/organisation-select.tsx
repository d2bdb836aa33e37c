import { foldForSearch, type Organisation, type Side } from '@accord/domain';
import { MultiSelect, Select, type ComboboxItemGroup, type ComboboxItem } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { makeFoldFilter } from '../../lib/fold-filter';
import { useOrganisations } from '../../lib/organisations/get-organisations';
import { indexById, isHistorical, organisationName, rootOf, shortName } from '../../lib/organisations/organisation-names';

interface Scope {
  /** Only these organisations (e.g. the units of an agreement's parties). */
  restrictTo?: ReadonlySet<string>;
  side?: Side;
  /** Keep historical (merged) organisations in the list. */
  withHistorical?: boolean;
}

/** Options grouped by side; a unit carries its province or group ("Sở KH&CN · Cà Mau"). */
function useOrganisationOptions({ restrictTo, side, withHistorical = true }: Scope) {
  const { t, i18n } = useTranslation();
  const query = useOrganisations({ includeHistorical: true });
  const options = useMemo(() => {
    const orgs = query.data ?? [];
    const byId = indexById(orgs);
    const label = (o: Organisation) => {
      const root = rootOf(o, byId);
      const base = organisationName(o, i18n.language);
      // "Sở Y tế" exists in every province: name the province unless the name already does.
      const place = shortName(root);
      const withRoot = root.id === o.id || foldForSearch(base).includes(foldForSearch(place)) ? base : `${base} · ${place}`;
      return isHistorical(o) ? `${withRoot} (${t('organisations.historicalShort')})` : withRoot;
    };
    const groups: ComboboxItemGroup<ComboboxItem>[] = [];
    for (const s of ['government', 'enterprise'] as const) {
      if (side && side !== s) continue;
      const items = orgs
        .filter((o) => o.side === s && (!restrictTo || restrictTo.has(o.id)) && (withHistorical || !isHistorical(o)))
        .map((o) => ({ value: o.id, label: label(o) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
      if (items.length > 0) groups.push({ group: t(`sides.${s}`), items });
    }
    // Found also by short and English names: "viettel", "vnpt ca mau", "department of health".
    const filter = makeFoldFilter((id) => {
      const o = byId.get(id);
      return o ? [o.shortName, o.nameEn, o.nameVi].filter(Boolean).join(' ') : undefined;
    });
    return { groups, byId, filter };
  }, [query.data, restrictTo, side, withHistorical, i18n.language, t]);
  return { ...options, isLoading: query.isPending };
}

interface CommonProps extends Scope {
  label: string;
  description?: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  testId?: string;
}

export function OrganisationSelect({
  value,
  onChange,
  ...props
}: CommonProps & { value: string | null; onChange: (value: string | null, org: Organisation | null) => void }) {
  const { t } = useTranslation();
  const { groups, byId, filter, isLoading } = useOrganisationOptions(props);
  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={props.placeholder ?? t('organisations.selectPlaceholder')}
      required={props.required}
      error={props.error}
      data={groups}
      value={value}
      onChange={(v) => onChange(v, v ? (byId.get(v) ?? null) : null)}
      searchable
      clearable
      // Picking the chosen organisation again keeps it; the clear button empties the field.
      allowDeselect={false}
      filter={filter}
      limit={100}
      disabled={isLoading || props.disabled}
      nothingFoundMessage={t('common.noResults')}
      comboboxProps={{ withinPortal: true }}
      data-testid={props.testId}
    />
  );
}

export function OrganisationMultiSelect({
  value,
  onChange,
  ...props
}: CommonProps & { value: string[]; onChange: (value: string[]) => void }) {
  const { t } = useTranslation();
  const { groups, filter, isLoading } = useOrganisationOptions(props);
  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      placeholder={value.length === 0 ? (props.placeholder ?? t('organisations.selectPlaceholder')) : undefined}
      error={props.error}
      data={groups}
      value={value}
      onChange={onChange}
      searchable
      clearable
      filter={filter}
      limit={100}
      disabled={isLoading || props.disabled}
      nothingFoundMessage={t('common.noResults')}
      comboboxProps={{ withinPortal: true }}
      data-testid={props.testId}
    />
  );
}
