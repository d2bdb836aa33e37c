import type { AgreementStatus, TaskStatus } from '@accord/domain';
import { Badge, type MantineColor } from '@mantine/core';
import { IconArrowBackUp, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import { useHoverTooltip } from './hover-tooltip';
import classes from './status-badge.module.css';

const agreementColors: Record<AgreementStatus, MantineColor> = {
  draft: 'gray',
  signed: 'blue',
  in_force: 'green',
  completed: 'teal',
  expired: 'orange',
  terminated: 'red',
};

const taskColors: Record<TaskStatus, MantineColor> = {
  not_started: 'gray',
  in_progress: 'blue',
  at_risk: 'orange',
  overdue: 'red',
  delivered: 'violet',
  completed_on_time: 'green',
  completed_late: 'lime',
  paused: 'yellow',
  cancelled: 'dark',
};

export function AgreementStatusBadge({ status, size = 'md' }: { status: AgreementStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={agreementColors[status]} variant="light" size={size} data-testid="agreement-status" data-status={status}>
      {t(`agreementStatus.${status}`)}
    </Badge>
  );
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={taskColors[status]}
      variant="light"
      size="sm"
      data-testid="task-status"
      data-status={status}
      // A narrow status column wraps the words rather than cutting off the one that matters ("đúng hạn").
      h="auto"
      py={2}
      maw="100%"
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.35 } }}
      style={{ flexShrink: 0 }}
    >
      {t(`taskStatus.${status}`)}
    </Badge>
  );
}

/** A product the other party sent back and not delivered again: the lead unit has it to redo. */
export function wasReturned(task: { reviewNote: string | null; deliveredOn: string | null; acceptedOn: string | null }): boolean {
  return task.reviewNote !== null && task.deliveredOn === null && task.acceptedOn === null;
}

/** "Returned": the product was rejected, with the other party's reasons on hover. */
export function ReturnedBadge({ reason }: { reason: string }) {
  const { t } = useTranslation();
  const tooltip = useHoverTooltip<HTMLDivElement>();
  return (
    <>
      <Badge
        {...tooltip.target}
        color="red"
        variant="outline"
        size="sm"
        leftSection={<IconArrowBackUp size={12} aria-hidden />}
        aria-label={`${t('taskReturned.badge')}: ${reason}`}
        data-testid="task-returned"
        style={{ flexShrink: 0 }}
      >
        {t('taskReturned.badge')}
      </Badge>
      {tooltip.render({ label: reason, withArrow: true, multiline: true, maw: 300 })}
    </>
  );
}

// Making a number format costs far more than using one, and a plan draws a figure on every row.
const percentFormats = new Map<string, Intl.NumberFormat>();

function percentFigure(value: number, language: string): string {
  let format = percentFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    percentFormats.set(language, format);
  }
  return format.format(value);
}

/**
 * A task's progress as a thin bar and its figure, coloured as its status. Drawn with plain
 * elements in Mantine's colours rather than with its Progress: a plan shows one on every row.
 */
export function TaskProgress({ value, status }: { value: number; status: TaskStatus }) {
  const { t, i18n } = useTranslation();
  const figure = percentFigure(value, i18n.language);
  const shown = Math.min(100, Math.max(0, value));
  return (
    <div className={classes.progress} data-testid="task-progress" data-progress={value}>
      <div
        className={classes.track}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-label={t('taskProgress.label', { value: figure })}
      >
        <div className={classes.bar} style={{ width: `${shown}%`, background: `var(--mantine-color-${taskColors[status]}-filled)` }} />
      </div>
      <span className={classes.figure}>{figure}%</span>
    </div>
  );
}

/** "Not reported this cycle": a word and an icon, with the day of the last report on hover. */
export function StaleBadge({ lastReportedAt }: { lastReportedAt: string | null }) {
  const { t } = useTranslation();
  const tooltip = useHoverTooltip<HTMLDivElement>();
  const hint = lastReportedAt === null ? t('taskStale.never') : t('taskStale.since', { date: formatDateTime(lastReportedAt) });
  return (
    <>
      <Badge
        {...tooltip.target}
        color="orange"
        variant="outline"
        size="sm"
        leftSection={<IconClockExclamation size={12} aria-hidden />}
        aria-label={`${t('taskStale.badge')}: ${hint}`}
        data-testid="task-stale"
        style={{ flexShrink: 0 }}
      >
        {t('taskStale.badge')}
      </Badge>
      {tooltip.render({ label: hint, withArrow: true, multiline: true, maw: 260 })}
    </>
  );
}
