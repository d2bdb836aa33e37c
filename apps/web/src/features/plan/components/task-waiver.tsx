import { checkClarity, type Task } from '@accord/domain';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { formatDate } from '../../../lib/dates';
import { useAuthorityCheck } from './clarity-rules';

interface TaskWaiverProps {
  task: Task;
  /** The form has unsaved changes: the check is of the task as saved, so the waiver waits. */
  blocked: boolean;
  pending: boolean;
  onWaive: (reason: string | null, done: () => void) => void;
}

/**
 * The waiver of a task's "5 rõ" check: shown when it is waived (why, who, when), and offered to a
 * coordinator of the side that owes a failing task, so the plan can be submitted with it as it is.
 */
export function TaskWaiver({ task, blocked, pending, onWaive }: TaskWaiverProps) {
  const { t } = useTranslation('plan');
  const withAuthority = useAuthorityCheck();
  const [writing, setWriting] = useState(false);
  const [reason, setReason] = useState('');
  const clear = checkClarity({ ...task, leadUnitId: task.leadUnit?.id ?? null }, { withAuthority }).clear;
  const waiver = task.clarityWaiver;
  if (!waiver && (clear || !task.allowed.waive)) return null;

  if (waiver) {
    return (
      <Alert color="gray" icon={<IconShieldCheck size={18} />} title={t('waiver.waivedTitle')} data-testid="task-waiver">
        <Stack gap={6}>
          <Text size="sm" data-testid="task-waiver-reason">
            {waiver.reason}
          </Text>
          <Text size="xs" c="dimmed">
            {t('waiver.waivedBy', { name: waiver.by ?? '—', date: formatDate(waiver.at.slice(0, 10)) })}
          </Text>
          {clear && (
            <Text size="xs" c="dimmed">
              {t('waiver.nowClear')}
            </Text>
          )}
          {task.allowed.waive && (
            <Group>
              <Button
                size="xs"
                variant="default"
                loading={pending}
                disabled={blocked}
                onClick={() => onWaive(null, () => notifySuccess(t('waiver.cleared')))}
                data-testid="task-waiver-clear"
              >
                {t('waiver.clear')}
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
    );
  }

  return (
    <Stack gap="xs" data-testid="task-waiver">
      <Text size="sm" c="dimmed">
        {t('waiver.hint')}
      </Text>
      {writing ? (
        <>
          <Textarea
            label={t('waiver.reason')}
            description={t('waiver.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            data-autofocus
            data-testid="task-waiver-input"
          />
          <Group gap="xs">
            <Button
              size="xs"
              loading={pending}
              disabled={blocked || reason.trim() === ''}
              onClick={() =>
                onWaive(reason.trim(), () => {
                  setWriting(false);
                  setReason('');
                  notifySuccess(t('waiver.waived'));
                })
              }
              data-testid="task-waiver-confirm"
            >
              {t('waiver.confirm')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setWriting(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </>
      ) : (
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconShieldCheck size={14} />}
            disabled={blocked}
            onClick={() => setWriting(true)}
            data-testid="task-waiver-start"
          >
            {t('waiver.start')}
          </Button>
        </Group>
      )}
      {blocked && (
        <Text size="xs" c="dimmed">
          {t('delivery.saveFirst')}
        </Text>
      )}
    </Stack>
  );
}
