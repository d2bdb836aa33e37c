import { nextAgreementStatuses, type AgreementDetail, type AgreementStatus } from '@accord/domain';
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconProgressCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ui/confirm-modal';
import { DangerMenuItem } from '../../../components/ui/danger-menu-item';
import { notifyConflict, notifyError, notifySuccess } from '../../../components/ui/notify';
import { isVersionConflict } from '../../../lib/api-error';
import { fieldErrorsFromApi } from '../../../lib/field-errors';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useChangeAgreementStatus } from '../api/change-agreement-status';

/** Offers only the statuses the agreement may move to next (the domain's transition table). */
export function StatusMenu({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation('agreements');
  const errorMessage = useErrorMessage();
  const change = useChangeAgreementStatus(agreement.id);
  const [target, setTarget] = useState<AgreementStatus | null>(null);
  const next = nextAgreementStatuses(agreement.status);
  if (next.length === 0) return null;

  const confirm = () => {
    if (!target) return;
    change.mutate(
      { version: agreement.version, status: target },
      {
        onSuccess: (updated) => notifySuccess(t('agreement.statusChanged', { status: t(`agreementStatus.${updated.status}`) })),
        onError: (error) => {
          if (isVersionConflict(error)) notifyConflict(t('conflict.title'), t('conflict.message'));
          else notifyError(Object.values(fieldErrorsFromApi(error, t))[0] ?? errorMessage(error));
        },
        onSettled: () => setTarget(null),
      },
    );
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="light"
            leftSection={<IconProgressCheck size={18} />}
            rightSection={<IconChevronDown size={14} />}
            data-testid="status-menu"
          >
            {t('agreement.changeStatus')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {next.map((status) => {
            // Terminating is the one destructive choice: drawn as one, in a red that reads (WCAG AA).
            const Item = status === 'terminated' ? DangerMenuItem : Menu.Item;
            return (
              <Item key={status} onClick={() => setTarget(status)} data-testid={`status-option-${status}`}>
                {t(`agreementStatusAction.${status}`)}
              </Item>
            );
          })}
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={target !== null}
        title={t('agreement.changeStatus')}
        message={
          target ? t('agreement.confirmStatus', { from: t(`agreementStatus.${agreement.status}`), to: t(`agreementStatus.${target}`) }) : ''
        }
        confirmLabel={target ? t(`agreementStatusAction.${target}`) : ''}
        loading={change.isPending}
        onConfirm={confirm}
        onClose={() => setTarget(null)}
      />
    </>
  );
}
