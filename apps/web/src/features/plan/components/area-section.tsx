import type { Area, OutlineArea, TaskNode } from '@accord/domain';
import { ActionIcon, Badge, Button, Center, Group, Loader, Menu, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './plan-tree.module.css';
import { limitRows, visibleRows } from './plan-tree';
import { TaskTable, type TaskActions } from './task-table';
import { DangerMenuItem } from '../../../components/ui/danger-menu-item';
import { QueryError } from '../../../components/ui/query-error';

/** An area as the plan tab shows it: its outline, and the tasks loaded so far. */
export interface ShownArea {
  area: OutlineArea;
  /** Its first top-level tasks, each with its tree; undefined until they first load. */
  tasks: readonly TaskNode[] | undefined;
  /** How many top-level tasks it holds (loaded or not), and tasks at every level, as shown. */
  topLevelTotal: number;
  taskTotal: number;
  loadError: Error | null;
  onRetry: () => void;
}

interface AreaSectionProps {
  shown: ShownArea;
  index: number;
  canWriteArea: boolean;
  canAddTask: boolean;
  isOpen: boolean;
  /** How many rows to show at least (whole top-level tasks). */
  rowBudget: number;
  isTaskOpen: (task: TaskNode) => boolean;
  selectedTaskId: string | null;
  onToggleArea: (areaId: string) => void;
  /** With how many of the area's top-level tasks are loaded. */
  onShowMore: (areaId: string, loaded: number) => void;
  onToggleTask: (task: TaskNode) => void;
  onEdit: (area: Area) => void;
  onDelete: (area: Area) => void;
  onAddTask: (area: Area, parent: TaskNode | null) => void;
  taskActions: TaskActions;
}

/**
 * One cooperation area (nội dung hợp tác) with its task tree. A closed area shows only its
 * heading and count; an open one its first rows, and more on request (loaded as they are asked for).
 */
export const AreaSection = memo(function AreaSection({
  shown: { area, tasks, topLevelTotal, taskTotal, loadError, onRetry },
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
  const bodyId = `area-body-${area.id}`;
  const shown = isOpen && tasks ? limitRows(visibleRows(tasks, isTaskOpen), tasks, rowBudget, topLevelTotal) : null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="area-row" data-area-id={area.id} data-open={isOpen}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={isOpen ? 'sm' : 0}>
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light" color={area.theme ? 'indigo' : 'gray'} data-testid="area-theme">
              {area.theme ? t(`areaTheme.${area.theme}`) : t('plan.otherTheme')}
            </Badge>
            <Text size="xs" c="dimmed" data-testid="area-task-count">
              {t('plan.taskCount', { n: taskTotal })}
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
              onClick={() => onAddTask(area, null)}
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
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onEdit(area)} data-testid="area-edit">
                  {t('plan.editArea')}
                </Menu.Item>
                <DangerMenuItem leftSection={<IconTrash size={14} />} onClick={() => onDelete(area)} data-testid="area-delete">
                  {t('plan.deleteArea')}
                </DangerMenuItem>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      {isOpen && !shown && (
        <div id={bodyId}>
          {loadError ? (
            <QueryError error={loadError} onRetry={onRetry} />
          ) : (
            <Center py="md" role="status" aria-label={t('plan.loadingTasks')} data-testid="area-loading">
              <Loader size="sm" />
            </Center>
          )}
        </div>
      )}
      {shown && tasks && (
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
              <Button size="xs" variant="light" onClick={() => onShowMore(area.id, tasks.length)} data-testid="area-show-more">
                {t('plan.showMore')}
              </Button>
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="area-shown-count">
                {t('plan.shownCount', { shown: shown.shownTasks, total: taskTotal })}
              </Text>
            </div>
          )}
        </div>
      )}
    </Paper>
  );
});
