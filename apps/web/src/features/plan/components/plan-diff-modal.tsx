import type { PlanDiffAnswer, PlanVersion } from '@accord/domain';
import { Badge, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/ui/page-loader';
import { QueryError } from '../../../components/ui/query-error';
import { formatDate } from '../../../lib/dates';
import { usePlanDiff } from '../api/plan-approval';

interface PlanDiffModalProps {
  agreementId: string;
  versions: readonly PlanVersion[];
  /** The pair first shown: from a version, to another or to the plan now ('current'). */
  initial: { from: string; to: string } | null;
  onClose: () => void;
}

type Snapshot = PlanDiffAnswer['added'][number];
type Value = PlanDiffAnswer['changed'][number]['changes'][number]['before'];

/** Two versions of the plan side by side: the tasks added, removed, and changed field by field (before → after). */
export function PlanDiffModal({ agreementId, versions, initial, onClose }: PlanDiffModalProps) {
  const { t } = useTranslation('plan');
  const [pair, setPair] = useState(initial);
  const diff = usePlanDiff(agreementId, pair?.from ?? null, pair?.to ?? 'current');
  const label = (v: PlanVersion) =>
    t('approval.versionLabel', {
      number: v.number,
      state: t(`approval.versionStates.${v.state}`),
      date: formatDate(v.submittedAt.slice(0, 10)),
    });
  const options = versions.map((v) => ({ value: v.id, label: label(v) }));
  const value = (field: string, v: Value): string => {
    if (v === null || v === '') return '—';
    if (Array.isArray(v)) return v.length ? v.join('; ') : '—';
    if (field === 'startDate' || field === 'dueDate') return formatDate(String(v));
    if (field === 'obligor') return t(`approval.obligor.${v === 'enterprise' ? 'enterprise' : v === 'joint' ? 'joint' : 'government'}`);
    return String(v);
  };
  const line = (s: Snapshot) => (
    <Text size="sm">
      <Text span fw={600}>
        {s.number}
      </Text>{' '}
      {s.title}
    </Text>
  );

  return (
    <Modal opened={pair !== null} onClose={onClose} title={t('approval.diffTitle')} size="xl" data-testid="plan-diff">
      {pair && (
        <Stack gap="md">
          <Group grow align="flex-end">
            <Select
              label={t('approval.diffFrom')}
              data={options}
              value={pair.from}
              onChange={(from) => from && setPair({ ...pair, from })}
              allowDeselect={false}
              data-testid="plan-diff-from"
            />
            <Select
              label={t('approval.diffTo')}
              data={[{ value: 'current', label: t('approval.current') }, ...options]}
              value={pair.to}
              onChange={(to) => to && setPair({ ...pair, to })}
              allowDeselect={false}
              data-testid="plan-diff-to"
            />
          </Group>
          {diff.isError && <QueryError error={diff.error} onRetry={() => void diff.refetch()} />}
          {diff.isPending && <PageLoader />}
          {diff.data && (
            <>
              <Group gap="xs" data-testid="plan-diff-summary">
                <Badge color="green" variant="light">
                  {t('approval.added', { count: diff.data.added.length })}
                </Badge>
                <Badge color="red" variant="light">
                  {t('approval.removed', { count: diff.data.removed.length })}
                </Badge>
                <Badge color="blue" variant="light">
                  {t('approval.changed', { count: diff.data.changed.length })}
                </Badge>
                <Badge color="gray" variant="light">
                  {t('approval.unchanged', { count: diff.data.unchanged })}
                </Badge>
              </Group>
              {diff.data.added.length + diff.data.removed.length + diff.data.changed.length === 0 && (
                <Text c="dimmed" size="sm" data-testid="plan-diff-none">
                  {t('approval.noDifference')}
                </Text>
              )}
              {diff.data.added.length > 0 && (
                <Stack gap={4} data-testid="plan-diff-added">
                  <Title order={5}>{t('approval.addedTitle')}</Title>
                  {diff.data.added.map((s) => (
                    <div key={s.id}>{line(s)}</div>
                  ))}
                </Stack>
              )}
              {diff.data.removed.length > 0 && (
                <Stack gap={4} data-testid="plan-diff-removed">
                  <Title order={5}>{t('approval.removedTitle')}</Title>
                  {diff.data.removed.map((s) => (
                    <div key={s.id} style={{ textDecoration: 'line-through' }}>
                      {line(s)}
                    </div>
                  ))}
                </Stack>
              )}
              {diff.data.changed.length > 0 && (
                <Stack gap="xs" data-testid="plan-diff-changed">
                  <Title order={5}>{t('approval.changedTitle')}</Title>
                  {diff.data.changed.map((c) => (
                    <Paper key={c.after.id} withBorder p="xs" radius="sm" data-testid="plan-diff-task">
                      {line(c.after)}
                      <Table mt={4} fz="sm" withRowBorders={false} verticalSpacing={2}>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th w="24%">{t('approval.field')}</Table.Th>
                            <Table.Th>{t('approval.before')}</Table.Th>
                            <Table.Th>{t('approval.after')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {c.changes.map((ch) => (
                            <Table.Tr key={ch.field} data-field={ch.field}>
                              <Table.Td>{t(`approval.fields.${ch.field}`)}</Table.Td>
                              <Table.Td c="red.8">{value(ch.field, ch.before)}</Table.Td>
                              <Table.Td c="teal.9">{value(ch.field, ch.after)}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Paper>
                  ))}
                </Stack>
              )}
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
