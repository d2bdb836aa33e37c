import type { AuditEvent } from '@accord/domain';
import { Badge, Group, Table, Text } from '@mantine/core';
import { IconArrowNarrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import { shownChanges, useChangeFormatter, type ResolveTitle } from './format-change';

const actionColors: Record<AuditEvent['action'], string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  status: 'grape',
  move: 'orange',
};

export { actionColors };

/** Who did what to which item, when (Vietnam time), and each field before → after. */
export function HistoryEntry({ event, resolve }: { event: AuditEvent; resolve: ResolveTitle }) {
  const { t } = useTranslation('history');
  const { fieldLabel, formatValue } = useChangeFormatter();
  const shown = shownChanges(event);
  const value = (field: string, v: unknown) => formatValue(field, v, event.entityType, resolve);

  return (
    <div data-testid="history-entry" data-action={event.action} data-entity-type={event.entityType}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600} data-testid="history-actor">
          {event.actor?.name ?? t('history.system')}
        </Text>
        <Badge size="sm" variant="light" color={actionColors[event.action]}>
          {t(`history.actions.${event.action}`)}
        </Badge>
        <Text size="sm">
          {t(`history.entities.${event.entityType}`)}
          {event.entityTitle && (
            <Text span fw={500}>
              {' '}
              “{event.entityTitle}”
            </Text>
          )}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mt={2} data-testid="history-time">
        {formatDateTime(event.at)}
      </Text>
      {shown.length > 0 && (
        <Table mt={6} maw={960} fz="xs" verticalSpacing={4} horizontalSpacing="xs" withRowBorders={false} data-testid="history-changes">
          <Table.Tbody>
            {shown.map((change) => (
              <Table.Tr key={change.field} data-testid="history-change" data-field={change.field}>
                <Table.Td w={170} c="dimmed" style={{ verticalAlign: 'top' }}>
                  {fieldLabel(change.field)}
                </Table.Td>
                <Table.Td>
                  {event.action === 'create' ? (
                    <Text size="xs">{value(change.field, change.after)}</Text>
                  ) : (
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Text size="xs" td="line-through" c="dimmed" style={{ flex: 1 }}>
                        {value(change.field, change.before)}
                      </Text>
                      <IconArrowNarrowRight
                        size={14}
                        className="accord-flip-rtl"
                        style={{ flexShrink: 0 }}
                        aria-label={t('history.becomes')}
                      />
                      <Text size="xs" style={{ flex: 1 }}>
                        {value(change.field, change.after)}
                      </Text>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}
