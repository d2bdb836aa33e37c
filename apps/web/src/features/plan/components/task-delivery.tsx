import type { Task } from '@accord/domain';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconPackageExport, IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { formatDate } from '../../../lib/dates';
import { EvidencePicker } from '../../../components/evidence/evidence-picker';
import { useAttachments } from '../../../components/evidence/use-attachments';
import type { DeliveryStep } from '../api/review-task';

interface TaskDeliveryProps {
  agreementId: string;
  task: Task;
  /** The form has unsaved changes: a delivery step would make them stale, so it waits. */
  blocked: boolean;
  pending: boolean;
  onStep: (step: DeliveryStep, done: () => void) => void;
}

/**
 * Where the task's product is: delivered and waiting, accepted, or sent back with reasons; and
 * the next step for this user — deliver it (the lead side), or accept or reject it (the other party).
 */
export function TaskDelivery({ agreementId, task, blocked, pending, onStep }: TaskDeliveryProps) {
  const { t } = useTranslation('plan');
  // The product's evidence (the acceptance record, the deliverable itself), sent with the delivery.
  const evidence = useAttachments(agreementId, task.id);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const side = (s: string | null) => (s ? t(`delivery.side.${s === 'enterprise' ? 'enterprise' : 'government'}`) : '');
  const waiting = task.deliveredOn !== null && task.acceptedOn === null;

  return (
    <Stack gap="xs" data-testid="task-delivery">
      {task.acceptedOn !== null && (
        <Alert color="green" icon={<IconCircleCheck size={18} />} data-testid="task-delivery-accepted">
          {t('delivery.accepted', { delivered: formatDate(task.deliveredOn), accepted: formatDate(task.acceptedOn) })}
        </Alert>
      )}
      {waiting && (
        <Alert color="violet" icon={<IconTruckDelivery size={18} />} data-testid="task-delivery-waiting">
          {t('delivery.waiting', { date: formatDate(task.deliveredOn), side: side(task.deliveredBySide) })}
          {task.deliveredVersion !== task.version && (
            <Text size="sm" mt={4} c="orange.8">
              {t('delivery.changedSince')}
            </Text>
          )}
        </Alert>
      )}
      {task.deliveredOn === null && task.reviewNote !== null && (
        <Alert color="orange" icon={<IconCircleX size={18} />} title={t('delivery.rejectedTitle')} data-testid="task-delivery-rejected">
          {task.reviewNote}
        </Alert>
      )}
      {blocked && (task.allowed.deliver || task.allowed.review) && (
        <Text size="sm" c="dimmed">
          {t('delivery.saveFirst')}
        </Text>
      )}
      {rejecting ? (
        <Stack gap="xs">
          <Textarea
            label={t('delivery.reason')}
            required
            autosize
            minRows={2}
            maxRows={6}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="task-reject-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              disabled={reason.trim() === '' || blocked}
              loading={pending}
              onClick={() =>
                onStep({ step: 'reject', reason: reason.trim() }, () => {
                  setRejecting(false);
                  setReason('');
                  notifySuccess(t('delivery.rejectedDone'));
                })
              }
              data-testid="task-reject-confirm"
            >
              {t('delivery.reject')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group gap="xs" align="flex-start">
          {task.allowed.deliver && !blocked && (
            <EvidencePicker attachments={evidence.attachments} onAdd={evidence.add} onRemove={evidence.remove} disabled={pending} />
          )}
          {task.allowed.deliver && (
            <Button
              variant="light"
              leftSection={<IconPackageExport size={18} />}
              disabled={blocked || evidence.uploading}
              loading={pending}
              onClick={() =>
                onStep({ step: 'deliver', fileIds: evidence.fileIds }, () => {
                  evidence.clear();
                  notifySuccess(t('delivery.deliveredDone'));
                })
              }
              data-testid="task-deliver"
            >
              {t(task.deliveredOn === null ? 'delivery.deliver' : 'delivery.deliverAgain')}
            </Button>
          )}
          {task.allowed.review && (
            <>
              <Button
                color="green"
                leftSection={<IconCircleCheck size={18} />}
                disabled={blocked}
                loading={pending}
                onClick={() => onStep({ step: 'accept' }, () => notifySuccess(t('delivery.acceptedDone')))}
                data-testid="task-accept"
              >
                {t('delivery.accept')}
              </Button>
              <Button
                variant="light"
                color="orange"
                leftSection={<IconCircleX size={18} />}
                disabled={blocked}
                onClick={() => setRejecting(true)}
                data-testid="task-reject"
              >
                {t('delivery.reject')}
              </Button>
            </>
          )}
        </Group>
      )}
    </Stack>
  );
}
