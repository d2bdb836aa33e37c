import type { AgreementStatus, TaskStatus } from '@accord/domain';
import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

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
  completed: 'green',
  paused: 'yellow',
  cancelled: 'red',
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
    <Badge color={taskColors[status]} variant="light" size="sm" data-testid="task-status" data-status={status} style={{ flexShrink: 0 }}>
      {t(`taskStatus.${status}`)}
    </Badge>
  );
}
