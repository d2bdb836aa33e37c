import type { TaskNode } from '@accord/domain';
import { ActionIcon, Group, Menu, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsMove, IconDots, IconEye, IconSubtask, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TaskActions } from './task-table';

interface TaskRowActionsProps {
  task: TaskNode;
  index: number;
  siblings: number;
  canAddSubtask: boolean;
  actions: TaskActions;
}

/** Quick up/down within the siblings, and a menu for the rest; only what the user may do. */
export function TaskRowActions({ task, index, siblings, canAddSubtask, actions }: TaskRowActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap" justify="flex-end" onClick={(e) => e.stopPropagation()}>
      {task.canManage && (
        <>
          <Tooltip label={t('common.moveUp')}>
            <ActionIcon variant="subtle" size="sm" disabled={index === 0} onClick={() => actions.onMoveBy(task, -1)} aria-label={t('common.moveUp')} data-testid="task-move-up">
              <IconArrowUp size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('common.moveDown')}>
            <ActionIcon
              variant="subtle"
              size="sm"
              disabled={index >= siblings - 1}
              onClick={() => actions.onMoveBy(task, 1)}
              aria-label={t('common.moveDown')}
              data-testid="task-move-down"
            >
              <IconArrowDown size={14} />
            </ActionIcon>
          </Tooltip>
        </>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" size="sm" aria-label={t('common.actions')} data-testid="task-actions">
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconEye size={14} />} onClick={() => actions.onOpen(task)} data-testid="task-open">
            {task.canEdit ? t('plan.openEdit') : t('plan.open')}
          </Menu.Item>
          {canAddSubtask && (
            <Menu.Item leftSection={<IconSubtask size={14} />} onClick={() => actions.onAddSubtask(task)} data-testid="task-add-subtask">
              {t('plan.addSubtask')}
            </Menu.Item>
          )}
          {task.canManage && (
            <>
              <Menu.Item leftSection={<IconArrowsMove size={14} />} onClick={() => actions.onMove(task)} data-testid="task-move">
                {t('plan.move')}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.onDelete(task)} data-testid="task-delete">
                {t('common.delete')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
