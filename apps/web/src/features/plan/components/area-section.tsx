import type { Area, TaskNode } from '@accord/domain';
import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './plan-tree.module.css';
import { countTasks, limitRows, visibleRows, type PlanArea } from './plan-tree';
import { TaskTable, type TaskActions } from './task-table';
import { DangerMenuItem } from '../../../components/ui/danger-menu-item';

interface AreaSectionProps {
  area: PlanArea;
  index: number;
  canWriteArea: boolean;
  canAddTask: boolean;
  isOpen: boolean;
  /** How many rows to show at least (whole top-level tasks). */
  rowBudget: number;
  isTaskOpen: (task: TaskNode) => boolean;
  selectedTaskId: string | null;
  onToggleArea: (areaId: string) => void;
  onShowMore: (areaId: string) => void;
  onToggleTask: (task: TaskNode) => void;
  onEdit: (area: Area) => void;
  onDelete: (area: Area) => void;
  onAddTask: (area: Area, parent: TaskNode | null) => void;
  taskActions: TaskActions;
}

/**
 * One cooperation area (nội dung hợp tác) with its task tree. A closed area shows only its
 * heading and count; an open one its first rows, and more on request.
 */
export const AreaSection = memo(function AreaSection({
  area,
  index,
  canWriteArea,
  canAddTask,
  isOpen,
  rowBudget,
  isTaskOpen,
  selectedTaskId,
  onToggleArea,
  onShowMore,
  onToggleTask,
  onEdit,
  onDelete,
  onAddTask,
  taskActions,
}: AreaSectionProps) {
  const { t } = useTranslation('plan');
  const { tasks, ...plain } = area;
  const total = useMemo(() => countTasks(tasks), [tasks]);
  const bodyId = `area-body-${area.id}`;
  const shown = isOpen ? limitRows(visibleRows(tasks, isTaskOpen), tasks, rowBudget) : null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="area-row" data-area-id={area.id} data-open={isOpen}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={isOpen ? 'sm' : 0}>
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light" color={area.theme ? 'indigo' : 'gray'} data-testid="area-theme">
              {area.theme ? t(`areaTheme.${area.theme}`) : t('plan.otherTheme')}
            </Badge>
            <Text size="xs" c="dimmed" data-testid="area-task-count">
              {t('plan.taskCount', { n: total })}
            </Text>
          </Group>
          <Title order={4}>
            <UnstyledButton
              className={classes.areaToggle}
              onClick={() => onToggleArea(area.id)}
              aria-expanded={isOpen}
              aria-controls={isOpen ? bodyId : undefined}
              data-testid="area-toggle"
            >
              {isOpen ? (
                <IconChevronDown size={20} className={classes.areaChevron} />
              ) : (
                <IconChevronRight size={20} className={`${classes.areaChevron} accord-flip-rtl`} />
              )}
              <span>
                {index + 1}. <span data-testid="area-title">{area.title}</span>
              </span>
            </UnstyledButton>
          </Title>
          {area.description && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
              {area.description}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {canAddTask && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => onAddTask(plain, null)}
              data-testid="add-task"
            >
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
                <DangerMenuItem leftSection={<IconTrash size={14} />} onClick={() => onDelete(plain)} data-testid="area-delete">
                  {t('plan.deleteArea')}
                </DangerMenuItem>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      {shown && (
        <div id={bodyId}>
          {tasks.length > 0 ? (
            <TaskTable
              rows={shown.rows}
              isTaskOpen={isTaskOpen}
              onToggle={onToggleTask}
              selectedTaskId={selectedTaskId}
              actions={taskActions}
            />
          ) : (
            <Text size="sm" c="dimmed" py="sm" data-testid="area-empty">
              {t('plan.noTasks')}
            </Text>
          )}
          {shown.hasMore && (
            <div className={classes.more}>
              <Button size="xs" variant="light" onClick={() => onShowMore(area.id)} data-testid="area-show-more">
                {t('plan.showMore')}
              </Button>
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="area-shown-count">
                {t('plan.shownCount', { shown: shown.shownTasks, total })}
              </Text>
            </div>
          )}
        </div>
      )}
    </Paper>
  );
});
