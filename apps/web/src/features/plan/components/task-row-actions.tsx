import type { TaskNode } from '@accord/domain';
import { ActionIcon, Group, Menu, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsMove, IconDots, IconEye, IconSubtask, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import type { TaskActions } from './task-table';
import { DangerMenuItem } from '../../../components/ui/danger-menu-item';

interface TaskRowActionsProps {
  task: TaskNode;
  index: number;
  siblings: number;
  canAddSubtask: boolean;
  actions: TaskActions;
  /** The table's (one translation hook for all the rows). */
  t: TFunction<'plan'>;
}

/**
 * Quick up/down within the siblings, and a menu for the rest; only what the user may do.
 * A plan shows hundreds of these, so the tooltips come only once the pointer is over the row's
 * buttons and the menu only on its first opening: both cost far more than the buttons.
 */
export function TaskRowActions({ task, index, siblings, canAddSubtask, actions, t }: TaskRowActionsProps) {
  const [hasTooltips, setHasTooltips] = useState(false);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  return (
    <Group gap={2} wrap="nowrap" justify="flex-end" onClick={(e) => e.stopPropagation()} onPointerEnter={() => setHasTooltips(true)}>
      {task.allowed.move && (
        <>
          <ActionIcon
            ref={upRef}
            variant="subtle"
            size="sm"
            disabled={index === 0}
            onClick={() => actions.onMoveBy(task, -1)}
            aria-label={t('common.moveUp')}
            data-testid="task-move-up"
          >
            <IconArrowUp size={14} />
          </ActionIcon>
          <ActionIcon
            ref={downRef}
            variant="subtle"
            size="sm"
            disabled={index >= siblings - 1}
            onClick={() => actions.onMoveBy(task, 1)}
            aria-label={t('common.moveDown')}
            data-testid="task-move-down"
          >
            <IconArrowDown size={14} />
          </ActionIcon>
          {hasTooltips && (
            <>
              <Tooltip target={upRef} label={t('common.moveUp')} />
              <Tooltip target={downRef} label={t('common.moveDown')} />
            </>
          )}
        </>
      )}
      <TaskMenu task={task} canAddSubtask={canAddSubtask} actions={actions} t={t} />
    </Group>
  );
}

/** The "…" button; its menu is built the first time it is opened and kept from then on. */
function TaskMenu({ task, canAddSubtask, actions, t }: Omit<TaskRowActionsProps, 'index' | 'siblings'>) {
  const [isBuilt, setIsBuilt] = useState(false);
  const [opened, setOpened] = useState(false);
  const targetRef = useRef<HTMLButtonElement>(null);

  // The button was drawn again inside the menu: focus it and open, so the menu returns focus to it on close.
  useEffect(() => {
    if (!isBuilt) return;
    targetRef.current?.focus();
    setOpened(true);
  }, [isBuilt]);

  const button = (
    <ActionIcon
      ref={targetRef}
      variant="subtle"
      size="sm"
      aria-label={t('common.actions')}
      aria-haspopup="menu"
      data-testid="task-actions"
      onClick={isBuilt ? undefined : () => setIsBuilt(true)}
    >
      <IconDots size={16} />
    </ActionIcon>
  );
  if (!isBuilt) return button;
  return (
    <Menu position="bottom-end" withinPortal opened={opened} onChange={setOpened}>
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconEye size={14} />} onClick={() => actions.onOpen(task)} data-testid="task-open">
          {task.allowed.update ? t('plan.openEdit') : t('plan.open')}
        </Menu.Item>
        {canAddSubtask && (
          <Menu.Item leftSection={<IconSubtask size={14} />} onClick={() => actions.onAddSubtask(task)} data-testid="task-add-subtask">
            {t('plan.addSubtask')}
          </Menu.Item>
        )}
        {task.allowed.move && (
          <Menu.Item leftSection={<IconArrowsMove size={14} />} onClick={() => actions.onMove(task)} data-testid="task-move">
            {t('plan.move')}
          </Menu.Item>
        )}
        {task.allowed.delete && (
          <>
            <Menu.Divider />
            <DangerMenuItem leftSection={<IconTrash size={14} />} onClick={() => actions.onDelete(task)} data-testid="task-delete">
              {t('common.delete')}
            </DangerMenuItem>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
