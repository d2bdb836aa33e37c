import type { AgreementSortKey, AgreementSummary, Party } from '@accord/domain';
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { IconBuildingBank, IconBuildingSkyscraper } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { nextSort, SortableTh, type Sort as SortState } from '../../../components/ui/sortable-th';
import { AgreementStatusBadge } from '../../../components/ui/status-badge';
import { formatDate, formatPeriod } from '../../../lib/dates';

/** The sort the list is in (on the server, over every page), as the URL keeps it. */
export type Sort = SortState<AgreementSortKey>;

function PartyLines({ parties, side, icon }: { parties: Party[]; side: Party['side']; icon: ReactNode }) {
  const names = parties.filter((p) => p.side === side).map((p) => p.organisationName);
  if (names.length === 0) return null;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text c="dimmed" mt={2} component="span" style={{ display: 'inline-flex' }}>
        {icon}
      </Text>
      <Text size="sm" data-testid={`parties-${side}`}>
        {names.join('; ')}
      </Text>
    </Group>
  );
}

/** One page of agreements; the column headers sort the whole list (the server sorts, across pages). */
export function AgreementsTable({
  items,
  sort,
  onSortChange,
}: {
  items: AgreementSummary[];
  sort: Sort | null;
  onSortChange: (sort: Sort | null) => void;
}) {
  const { t } = useTranslation('agreements');
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 62em)') ?? false;

  const rows = items;
  const onSort = (key: AgreementSortKey) => onSortChange(nextSort(sort, key));

  const table = (
    <Table stickyHeader={!narrow} stickyHeaderOffset={60} highlightOnHover striped="even" data-testid="agreements-table">
      <Table.Thead>
        <Table.Tr>
          <SortableTh label={t('agreements.columns.title')} sortKey="title" sort={sort} onSort={onSort} />
          <Table.Th w="26%">{t('agreements.columns.parties')}</Table.Th>
          <SortableTh label={t('agreements.columns.signedOn')} sortKey="signedOn" sort={sort} onSort={onSort} w={120} />
          <SortableTh label={t('agreements.columns.period')} sortKey="period" sort={sort} onSort={onSort} w={200} />
          <SortableTh label={t('agreements.columns.status')} sortKey="status" sort={sort} onSort={onSort} w={150} />
          <SortableTh label={t('agreements.columns.tasks')} sortKey="taskCount" sort={sort} onSort={onSort} w={120} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a) => (
          <Table.Tr
            key={a.id}
            className="accord-clickable-row"
            data-testid="agreement-row"
            data-agreement-id={a.id}
            onClick={(e) => {
              if (!(e.target instanceof HTMLElement && e.target.closest('a'))) void navigate(`/agreements/${a.id}`);
            }}
          >
            <Table.Td>
              <Stack gap={2}>
                <Anchor component={Link} to={`/agreements/${a.id}`} fw={600} size="sm" data-testid="agreement-link">
                  {a.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[t(`agreementKind.${a.kind}`), a.reference].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              <Stack gap={4}>
                <PartyLines parties={a.parties} side="government" icon={<IconBuildingBank size={14} />} />
                <PartyLines parties={a.parties} side="enterprise" icon={<IconBuildingSkyscraper size={14} />} />
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDate(a.signedOn) || '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatPeriod(a.periodStart, a.periodEnd) || '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <AgreementStatusBadge status={a.status} size="sm" />
            </Table.Td>
            <Table.Td>
              <Text size="sm" ta="end" data-testid="agreement-task-count">
                {a.taskCount}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  // A sticky header needs the page to scroll; a narrow screen scrolls the table sideways instead.
  return narrow ? (
    <Table.ScrollContainer minWidth={900} type="native">
      {table}
    </Table.ScrollContainer>
  ) : (
    table
  );
}
