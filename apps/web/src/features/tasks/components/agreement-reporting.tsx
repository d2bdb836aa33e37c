import type { AgreementReporting as Reporting, Obligor, TaskStatus } from '@accord/domain';
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '../../../components/ui/page-loader';
import { QueryError } from '../../../components/ui/query-error';
import { formatDate } from '../../../lib/dates';
import { organisationName } from '../../../lib/organisations/organisation-names';
import { useAgreementReporting } from '../api/get-agreement-reporting';

/** The plan's list of one lead unit's stale tasks (or of those with no lead unit: every stale task). */
function staleListHref(unitId: string | null): string {
  const next = new URLSearchParams({ view: 'list', stale: 'true' });
  if (unitId) next.set('leadUnitId', unitId);
  return `?${next.toString()}`;
}

const sideColumns = ['total', 'owing', 'overdue', 'delivered', 'completedOnTime', 'completedLate', 'stopped'] as const;
type SideColumn = (typeof sideColumns)[number];

/** The statuses behind each column of the two-sided table, for the list it opens. */
const statusesOf: Record<SideColumn, readonly TaskStatus[] | null> = {
  total: null,
  owing: ['not_started', 'in_progress', 'at_risk'],
  overdue: ['overdue'],
  delivered: ['delivered'],
  completedOnTime: ['completed_on_time'],
  completedLate: ['completed_late'],
  stopped: ['paused', 'cancelled'],
};

function sideListHref(obligor: Obligor, column: SideColumn): string {
  const next = new URLSearchParams({ view: 'list', obligor });
  const statuses = statusesOf[column];
  if (statuses) next.set('status', statuses.join(','));
  return `?${next.toString()}`;
}

/** The two-sided view: each party's tasks by where they stand, every figure opening its list. */
function BothSides({ rows }: { rows: Reporting['byObligor'] }) {
  const { t } = useTranslation('tasks');
  return (
    <Paper withBorder p="md" radius="md" data-testid="reporting-sides">
      <Title order={4}>{t('sides.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sides.description')}
      </Text>
      <Table.ScrollContainer minWidth={820} type="native">
        <Table striped="even" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sides.columns.obligor')}</Table.Th>
              {sideColumns.map((c) => (
                <Table.Th key={c} ta="end">
                  {t(`sides.columns.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.obligor} data-testid="reporting-side" data-obligor={r.obligor}>
                <Table.Td fw={600}>{t(`obligor.${r.obligor}`)}</Table.Td>
                {sideColumns.map((c) => (
                  <Table.Td key={c} ta="end" data-column={c}>
                    {r[c] === 0 ? (
                      <Text size="sm" c="dimmed">
                        0
                      </Text>
                    ) : (
                      <Anchor
                        component={Link}
                        to={sideListHref(r.obligor, c)}
                        size="sm"
                        fw={c === 'overdue' ? 700 : undefined}
                        c={c === 'overdue' ? 'red.7' : undefined}
                        data-testid="reporting-side-count"
                      >
                        {r[c]}
                      </Anchor>
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/**
 * "Báo cáo định kỳ": the agreement's reporting cadence, the current cycle, and for each lead unit
 * its tasks under way and those it has not reported on in this cycle, each count opening the list.
 */
export function AgreementReporting({ agreementId }: { agreementId: string }) {
  const { t, i18n } = useTranslation('tasks');
  const reporting = useAgreementReporting(agreementId);
  if (reporting.isError) return <QueryError error={reporting.error} onRetry={() => void reporting.refetch()} />;
  if (!reporting.data) return <PageLoader />;
  const r: Reporting = reporting.data;

  return (
    <Stack gap="md" data-testid="agreement-reporting">
      <BothSides rows={r.byObligor} />
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <div>
            <Title order={4}>{t('reporting.title')}</Title>
            <Text size="sm" c="dimmed" data-testid="reporting-cycle">
              {t('reporting.cycle', {
                cadence: t(`reportCadence.${r.cadence}`, { ns: 'translation' }),
                from: formatDate(r.cycleStart),
                to: formatDate(r.cycleEnd),
              })}
            </Text>
          </div>
          <Group gap="lg">
            <div>
              <Text size="xs" c="dimmed">
                {t('reporting.underway')}
              </Text>
              <Text fw={700} size="xl" data-testid="reporting-underway">
                {r.underway}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('reporting.stale')}
              </Text>
              <Text fw={700} size="xl" c={r.stale > 0 ? 'orange.8' : undefined} data-testid="reporting-stale">
                {r.stale}
              </Text>
            </div>
          </Group>
        </Group>
        <Text size="sm" mt="sm">
          {t('reporting.rule')}
        </Text>
      </Paper>
      {r.units.length === 0 ? (
        <Text c="dimmed" data-testid="reporting-empty">
          {t('reporting.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table striped="even" highlightOnHover verticalSpacing="xs" data-testid="reporting-units">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reporting.columns.unit')}</Table.Th>
                <Table.Th w={160} ta="end">
                  {t('reporting.columns.underway')}
                </Table.Th>
                <Table.Th w={200} ta="end">
                  {t('reporting.columns.stale')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.units.map((u) => (
                <Table.Tr key={u.unit?.id ?? 'none'} data-testid="reporting-unit" data-unit-id={u.unit?.id ?? ''} data-stale={u.stale}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {u.unit ? organisationName({ nameVi: u.unit.name, nameEn: u.unit.nameEn }, i18n.language) : t('reporting.noLeadUnit')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="end">{u.underway}</Table.Td>
                  <Table.Td ta="end">
                    {u.stale === 0 ? (
                      <Text size="sm" c="dimmed">
                        0
                      </Text>
                    ) : (
                      <Anchor component={Link} to={staleListHref(u.unit?.id ?? null)} data-testid="reporting-unit-stale">
                        <Badge color="orange" variant="light" leftSection={<IconClockExclamation size={12} aria-hidden />}>
                          {t('reporting.staleCount', { count: u.stale })}
                        </Badge>
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
