import type { Area, TaskNode } from '@accord/domain';
import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanArea } from './plan-tree';
import { TaskTable, type TaskActions } from './task-table';

interface AreaSectionProps {
  area: PlanArea;
  index: number;
  canWriteArea: boolean;
  canAddTask: boolean;
  collapsed: ReadonlySet<string>;
  onToggle: (taskId: string) => void;
  onEdit: (area: Area) => void;
  onDelete: (area: Area) => void;
  onAddTask: (area: Area, parent: TaskNode | null) => void;
  taskActions: TaskActions;
}

function countTasks(tasks: readonly TaskNode[]): number {
  return tasks.reduce((n, t) => n + 1 + countTasks(t.children), 0);
}

/** One cooperation area (nội dung hợp tác) with its task tree. */
export function AreaSection({ area, index, canWriteArea, canAddTask, collapsed, onToggle, onEdit, onDelete, onAddTask, taskActions }: AreaSectionProps) {
  const { t } = useTranslation();
  const { tasks, ...plain } = area;
  return (
    <Paper withBorder radius="md" p="md" data-testid="area-row" data-area-id={area.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light" color={area.theme ? 'indigo' : 'gray'} data-testid="area-theme">
              {area.theme ? t(`areaTheme.${area.theme}`) : t('plan.otherTheme')}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('plan.taskCount', { n: countTasks(tasks) })}
            </Text>
          </Group>
          <Title order={4}>
            {index + 1}. <span data-testid="area-title">{area.title}</span>
          </Title>
          {area.description && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
              {area.description}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {canAddTask && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onAddTask(plain, null)} data-testid="add-task">
              {t('plan.addTask')}
            </Button>
          )}
          {canWriteArea && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={t('common.actions')} data-testid="area-actions">
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onEdit(plain)} data-testid="area-edit">
                  {t('plan.editArea')}
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => onDelete(plain)} data-testid="area-delete">
                  {t('plan.deleteArea')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      {tasks.length > 0 ? (
        <TaskTable tasks={tasks} collapsed={collapsed} onToggle={onToggle} actions={taskActions} />
      ) : (
        <Text size="sm" c="dimmed" py="sm" data-testid="area-empty">
          {t('plan.noTasks')}
        </Text>
      )}
    </Paper>
  );
}
