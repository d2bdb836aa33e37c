import type { TaskNode } from '@accord/domain';
import { ActionIcon, Badge, Box, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TaskStatusBadge } from '../../../components/ui/status-badge';
import { formatDate } from '../../../lib/dates';
import { organisationName } from '../../../lib/organisations/organisation-names';
import { canHaveSubtasks, isOverdue, visibleRows } from './plan-tree';
import { TaskRowActions } from './task-row-actions';

export interface TaskActions {
  onOpen: (task: TaskNode) => void;
  onAddSubtask: (task: TaskNode) => void;
  onMove: (task: TaskNode) => void;
  onMoveBy: (task: TaskNode, delta: -1 | 1) => void;
  onDelete: (task: TaskNode) => void;
}

interface TaskTableProps {
  tasks: readonly TaskNode[];
  collapsed: ReadonlySet<string>;
  onToggle: (taskId: string) => void;
  actions: TaskActions;
}

const INDENT = 22;

/** An area's task tree as table rows: sub-tasks indented under their task, collapsible. */
export function TaskTable({ tasks, collapsed, onToggle, actions }: TaskTableProps) {
  const { t, i18n } = useTranslation();
  const unitName = (u: { name: string; nameEn: string | null }) => organisationName({ nameVi: u.name, nameEn: u.nameEn }, i18n.language);
  const rows = visibleRows(tasks, collapsed);
  return (
    <Table.ScrollContainer minWidth={1180} type="native">
      <Table highlightOnHover verticalSpacing="xs" fz="sm" data-testid="task-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={72}>{t('fields.code')}</Table.Th>
            <Table.Th miw={240}>{t('fields.title')}</Table.Th>
            <Table.Th w={110}>{t('fields.obligor')}</Table.Th>
            <Table.Th w={180}>{t('fields.leadUnit')}</Table.Th>
            <Table.Th w={130}>{t('fields.responsiblePerson')}</Table.Th>
            <Table.Th w={118}>{t('plan.timeframe')}</Table.Th>
            <Table.Th w={180}>{t('fields.expectedProduct')}</Table.Th>
            <Table.Th w={146}>{t('fields.status')}</Table.Th>
            <Table.Th w={88}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ task, depth, index, siblings }) => {
            const hasChildren = task.children.length > 0;
            const open = !collapsed.has(task.id);
            return (
              <Table.Tr key={task.id} className="accord-clickable-row" onClick={() => actions.onOpen(task)} data-testid="task-row" data-task-id={task.id} data-depth={depth}>
                <Table.Td>
                  <Text size="sm" ff="monospace" c="dimmed">
                    {task.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" align="flex-start" style={{ paddingInlineStart: depth * INDENT }}>
                    {hasChildren ? (
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        color="gray"
                        onClick={(e) => {
                          e.stopPropagation();
                          onToggle(task.id);
                        }}
                        aria-expanded={open}
                        aria-label={open ? t('common.collapse') : t('common.expand')}
                        data-testid="task-toggle"
                      >
                        {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} className="accord-flip-rtl" />}
                      </ActionIcon>
                    ) : (
                      <Box w={22} style={{ flexShrink: 0 }} />
                    )}
                    <Text size="sm" fw={depth === 0 ? 600 : 400} data-testid="task-title">
                      {task.title}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>{t(`obligor.${task.obligor}`)}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm">{task.leadUnit ? unitName(task.leadUnit) : '—'}</Text>
                    {task.coordinatingUnits.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('plan.coordinating', { names: task.coordinatingUnits.map(unitName).join('; ') })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>{task.responsiblePerson ?? '—'}</Table.Td>
                <Table.Td>
                  {task.startDate || task.dueDate ? (
                    <>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(task.startDate) || '…'}
                      </Text>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        – {formatDate(task.dueDate) || '…'}
                      </Text>
                    </>
                  ) : (
                    '—'
                  )}
                  {isOverdue(task) && (
                    <Badge color="red" size="xs" variant="filled" mt={2} data-testid="task-overdue">
                      {t('plan.overdue')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={3}>
                    {task.expectedProduct ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TaskStatusBadge status={task.status} />
                </Table.Td>
                <Table.Td>
                  <TaskRowActions task={task} index={index} siblings={siblings} canAddSubtask={task.canManage && canHaveSubtasks(depth)} actions={actions} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
