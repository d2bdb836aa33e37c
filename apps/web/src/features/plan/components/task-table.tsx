import type { TaskNode } from '@accord/domain';
import { ActionIcon, Badge, Table, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ReturnedBadge, StaleBadge, TaskProgress, TaskStatusBadge, wasReturned } from '../../../components/ui/status-badge';
import { formatDate } from '../../../lib/dates';
import { organisationName } from '../../../lib/organisations/organisation-names';
import classes from './plan-tree.module.css';
import { canHaveSubtasks, clarityOf, type TaskRow as TaskRowData } from './plan-tree';
import { ClarityBadge } from './clarity';
import { useAuthorityCheck } from './clarity-rules';
import { TaskRowActions } from './task-row-actions';

export interface TaskActions {
  onOpen: (task: TaskNode) => void;
  onAddSubtask: (task: TaskNode) => void;
  onMove: (task: TaskNode) => void;
  onMoveBy: (task: TaskNode, delta: -1 | 1) => void;
  onDelete: (task: TaskNode) => void;
}

interface TaskTableProps {
  rows: readonly TaskRowData[];
  isTaskOpen: (task: TaskNode) => boolean;
  onToggle: (task: TaskNode) => void;
  /** The task open in the drawer, marked in the table. */
  selectedTaskId: string | null;
  /** Kept the same from render to render, so that unchanged rows are not drawn again. */
  actions: TaskActions;
}

const INDENT = 22;

/**
 * The same functions from render to render, calling the latest ones: the rows of the tree are
 * memoised and would all be drawn again if the handlers they get changed on every render.
 */
export function useStableTaskActions(actions: TaskActions): TaskActions {
  const latest = useRef(actions);
  useLayoutEffect(() => {
    latest.current = actions;
  });
  return useMemo(
    () => ({
      onOpen: (task) => latest.current.onOpen(task),
      onAddSubtask: (task) => latest.current.onAddSubtask(task),
      onMove: (task) => latest.current.onMove(task),
      onMoveBy: (task, delta) => latest.current.onMoveBy(task, delta),
      onDelete: (task) => latest.current.onDelete(task),
    }),
    [],
  );
}

/** An area's task tree as table rows: sub-tasks indented under their task, collapsible. */
export function TaskTable({ rows, isTaskOpen, onToggle, selectedTaskId, actions }: TaskTableProps) {
  const { t, i18n } = useTranslation('plan');
  const withAuthority = useAuthorityCheck();
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
          {rows.map(({ task, depth, index, siblings }) => (
            <TaskRow
              key={task.id}
              task={task}
              depth={depth}
              index={index}
              siblings={siblings}
              isOpen={isTaskOpen(task)}
              isSelected={task.id === selectedTaskId}
              onToggle={onToggle}
              actions={actions}
              t={t}
              language={i18n.language}
              withAuthority={withAuthority}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface TaskRowProps {
  task: TaskNode;
  depth: number;
  index: number;
  siblings: number;
  isOpen: boolean;
  isSelected: boolean;
  onToggle: (task: TaskNode) => void;
  actions: TaskActions;
  /** The table's, for all its rows: a translation hook in each row cost more than the row's own drawing. */
  t: TFunction<'plan'>;
  language: string;
  withAuthority: boolean;
}

/**
 * One task: drawn again only when the task, its place, its open state or the language changes.
 * Its cells are plain elements styled with the table's own variables (plan-tree.module.css): a
 * plan shows hundreds of rows, and one layout component per cell was most of what a row cost.
 */
const TaskRow = memo(function TaskRow({
  task,
  depth,
  index,
  siblings,
  isOpen,
  isSelected,
  onToggle,
  actions,
  t,
  language,
  withAuthority,
}: TaskRowProps) {
  const unitName = (u: { name: string; nameEn: string | null }) => organisationName({ nameVi: u.name, nameEn: u.nameEn }, language);
  return (
    <tr
      className={isSelected ? `accord-clickable-row ${classes.row} ${classes.selected}` : `accord-clickable-row ${classes.row}`}
      onClick={() => actions.onOpen(task)}
      data-testid="task-row"
      data-task-id={task.id}
      data-depth={depth}
    >
      <td className={`${classes.cell} ${classes.code}`}>{task.code}</td>
      <td className={classes.cell}>
        <div className={classes.title} style={{ paddingInlineStart: depth * INDENT }}>
          {task.children.length > 0 ? (
            <ActionIcon
              variant="subtle"
              size="sm"
              color="gray"
              onClick={(e) => {
                e.stopPropagation();
                onToggle(task);
              }}
              aria-expanded={isOpen}
              aria-label={isOpen ? t('common.collapse') : t('common.expand')}
              data-testid="task-toggle"
            >
              {isOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} className="accord-flip-rtl" />}
            </ActionIcon>
          ) : (
            <span className={classes.toggleSpace} />
          )}
          <span className={depth === 0 ? classes.topLevel : undefined} data-testid="task-title">
            {task.title}
          </span>
          <ClarityBadge clarity={clarityOf(task, withAuthority)} t={t} />
        </div>
      </td>
      <td className={classes.cell}>{t(`obligor.${task.obligor}`)}</td>
      <td className={classes.cell}>
        <div>{task.leadUnit ? unitName(task.leadUnit) : '—'}</div>
        {task.coordinatingUnits.length > 0 && (
          <div className={classes.dimmedSmall}>{t('plan.coordinating', { names: task.coordinatingUnits.map(unitName).join('; ') })}</div>
        )}
      </td>
      <td className={classes.cell}>{task.responsiblePerson ?? '—'}</td>
      <td className={classes.cell}>
        {task.startDate || task.dueDate ? (
          <>
            <div className={classes.noWrap}>{formatDate(task.startDate) || '…'}</div>
            <div className={classes.noWrap}>– {formatDate(task.dueDate) || '…'}</div>
          </>
        ) : (
          '—'
        )}
        {task.status === 'overdue' && (
          <Badge color="red" size="xs" variant="filled" mt={2} data-testid="task-overdue">
            {t('plan.overdue')}
          </Badge>
        )}
      </td>
      <td className={classes.cell}>
        <div className={classes.clamp}>{task.expectedProduct ?? '—'}</div>
      </td>
      <td className={classes.cell}>
        <TaskStatusBadge status={task.status} />
        {task.stale && (
          <div style={{ marginTop: 4 }}>
            <StaleBadge lastReportedAt={task.lastReportedAt} />
          </div>
        )}
        {wasReturned(task) && (
          <div style={{ marginTop: 4 }}>
            <ReturnedBadge reason={task.reviewNote ?? ''} />
          </div>
        )}
        <TaskProgress value={task.progress} status={task.status} />
      </td>
      <td className={classes.cell}>
        <TaskRowActions
          task={task}
          index={index}
          siblings={siblings}
          canAddSubtask={task.allowed.addSubtask && canHaveSubtasks(depth)}
          actions={actions}
          t={t}
        />
      </td>
    </tr>
  );
});
