import type { PlanApproval, PlanVersion } from '@accord/domain';
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconGitCompare, IconSend, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyConflict, notifyError, notifySuccess } from '../../../components/ui/notify';
import { QueryError } from '../../../components/ui/query-error';
import { isVersionConflict } from '../../../lib/api-error';
import { formatDate } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useApprovalStep, usePlanApproval } from '../api/plan-approval';
import { PlanDiffModal } from './plan-diff-modal';

const stateColor: Record<PlanApproval['state'], string> = { draft: 'gray', submitted: 'violet', approved: 'green', revising: 'orange' };

type Asking = { step: 'submit' | 'approve' | 'return' | 'withdraw'; version?: PlanVersion };

interface PlanApprovalPanelProps {
  agreementId: string;
  /** False while the plan's first rows load: its answer (the whole plan compared with its versions) waits for them. */
  enabled?: boolean;
  /** Shows the plan's tasks that fail the "5 rõ" check. */
  onShowFailing: () => void;
}

/**
 * "Phê duyệt kế hoạch": where the plan's approval stands, each side's decision on the version
 * waiting, what stops a submission, and the steps this user may take; any two versions compared.
 */
export function PlanApprovalPanel({ agreementId, enabled = true, onShowFailing }: PlanApprovalPanelProps) {
  const { t } = useTranslation('plan');
  const errorMessage = useErrorMessage();
  const approval = usePlanApproval(agreementId, { enabled });
  const step = useApprovalStep(agreementId);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [text, setText] = useState('');
  const [comparing, setComparing] = useState<{ from: string; to: string } | null>(null);

  if (approval.isError) return <QueryError error={approval.error} onRetry={() => void approval.refetch()} />;
  if (!approval.data) return null;
  const a = approval.data;
  const { waiting, lastApproved, readiness, allowed } = a;
  const side = (s: string | null) =>
    s ? t(`delivery.side.${s === 'enterprise' ? 'enterprise' : 'government'}`) : t('approval.administrator');
  const date = (iso: string | null) => formatDate(iso ? iso.slice(0, 10) : null);

  const ask = (s: Asking) => {
    setText('');
    setAsking(s);
  };
  const run = () => {
    if (!asking) return;
    const note = text.trim() === '' ? null : text.trim();
    const v = { versionId: asking.version?.id ?? '', version: asking.version?.version ?? 0 };
    const body =
      asking.step === 'submit'
        ? { step: 'submit' as const, note }
        : asking.step === 'approve'
          ? { step: 'approve' as const, ...v, note }
          : asking.step === 'return'
            ? { step: 'return' as const, ...v, reason: text.trim() }
            : { step: 'withdraw' as const, ...v };
    step.mutate(body, {
      onSuccess: () => {
        notifySuccess(t(`approval.done.${asking.step}`));
        setAsking(null);
      },
      onError: (error) => {
        if (isVersionConflict(error)) {
          notifyConflict(t('conflict.title'), t('approval.conflict'));
          setAsking(null);
        } else notifyError(errorMessage(error));
      },
    });
  };

  const blocker =
    readiness.tasks === 0 ? 'empty' : readiness.failing > 0 ? 'failing' : a.state === 'approved' ? 'unchanged' : waiting ? 'waiting' : null;

  return (
    <Paper withBorder radius="md" p="sm" data-testid="plan-approval" data-state={a.state}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Text fw={600}>{t('approval.title')}</Text>
            <Badge color={stateColor[a.state]} variant="light" data-testid="plan-approval-state">
              {t(`approval.states.${a.state}`)}
            </Badge>
          </Group>
          <Group gap="xs">
            {a.versions.length > 0 && (
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconGitCompare size={14} />}
                onClick={() => {
                  // Approved as it is: what the last approval changed from the one before; else what changed since.
                  const earlier = a.versions.find((v) => v.state === 'approved' && v.id !== lastApproved?.id);
                  const base = lastApproved ?? a.versions[0];
                  if (a.state === 'approved' && earlier && lastApproved) setComparing({ from: earlier.id, to: lastApproved.id });
                  else if (base) setComparing({ from: base.id, to: 'current' });
                }}
                data-testid="plan-approval-compare"
              >
                {t('approval.compare')}
              </Button>
            )}
            {allowed.withdraw && waiting && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconArrowBackUp size={14} />}
                onClick={() => ask({ step: 'withdraw', version: waiting })}
                data-testid="plan-withdraw"
              >
                {t('approval.withdraw')}
              </Button>
            )}
            {allowed.return && waiting && (
              <Button
                size="xs"
                variant="default"
                color="orange"
                leftSection={<IconX size={14} />}
                onClick={() => ask({ step: 'return', version: waiting })}
                data-testid="plan-return"
              >
                {t('approval.return')}
              </Button>
            )}
            {allowed.approve && waiting && (
              <Button
                size="xs"
                color="green"
                leftSection={<IconCircleCheck size={14} />}
                onClick={() => ask({ step: 'approve', version: waiting })}
                data-testid="plan-approve"
              >
                {t('approval.approve')}
              </Button>
            )}
            {allowed.submit && (
              <Button
                size="xs"
                leftSection={<IconSend size={14} />}
                disabled={blocker !== null}
                title={blocker ? t(`approval.blocked.${blocker}`) : undefined}
                onClick={() => ask({ step: 'submit' })}
                data-testid="plan-submit"
              >
                {lastApproved ? t('approval.submitRevision') : t('approval.submit')}
              </Button>
            )}
          </Group>
        </Group>

        <Text size="sm" data-testid="plan-approval-summary">
          {waiting
            ? t('approval.waitingSummary', {
                number: waiting.number,
                name: waiting.submittedBy.name,
                side: side(waiting.submittedSide),
                date: date(waiting.submittedAt),
              })
            : lastApproved
              ? t(a.state === 'revising' ? 'approval.revisingSummary' : 'approval.approvedSummary', {
                  number: lastApproved.number,
                  date: date(lastApproved.decidedAt),
                })
              : t('approval.draftSummary')}
        </Text>
        {waiting?.note && (
          <Text size="sm" c="dimmed" fs="italic">
            {waiting.note}
          </Text>
        )}
        {waiting && (
          <Group gap="md" data-testid="plan-approval-sides">
            {(['government', 'enterprise'] as const).map((s) => {
              const d = waiting.decisions.find((x) => x.side === s);
              return (
                <Text key={s} size="sm" data-side={s} data-decision={d?.decision ?? 'pending'}>
                  <Text span fw={500}>
                    {t(`approval.sides.${s}`)}:
                  </Text>{' '}
                  {d ? t(`approval.decided.${d.decision}`, { name: d.by.name, date: date(d.at) }) : t('approval.pending')}
                </Text>
              );
            })}
          </Group>
        )}
        {waiting && a.changedSinceSubmitted && (
          <Text size="sm" c="orange.8" data-testid="plan-approval-changed">
            {t('approval.changedSinceSubmitted')}
          </Text>
        )}
        {a.state !== 'submitted' && a.versions[0]?.state === 'returned' && (
          <Alert
            color="orange"
            p="xs"
            title={t('approval.returnedTitle', { number: a.versions[0].number })}
            data-testid="plan-approval-returned"
          >
            {a.versions[0].decisions
              .filter((d) => d.decision === 'returned')
              .map((d) => `${side(d.side)} (${d.by.name}): ${d.note ?? ''}`)
              .join(' · ')}
          </Alert>
        )}
        {readiness.failing > 0 && (
          <Alert color="orange" p="xs" data-testid="plan-approval-failing">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('approval.failing', { count: readiness.failing })}</Text>
              <Button size="compact-xs" variant="light" color="orange" onClick={onShowFailing} data-testid="plan-approval-show-failing">
                {t('approval.showFailing')}
              </Button>
            </Group>
          </Alert>
        )}
        {readiness.waived > 0 && (
          <Text size="xs" c="dimmed" data-testid="plan-approval-waived">
            {t('approval.waived', { count: readiness.waived })}
          </Text>
        )}
      </Stack>

      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking ? t(`approval.ask.${asking.step}.title`) : ''}>
        {asking && (
          <Stack>
            <Text size="sm">{t(`approval.ask.${asking.step}.body`, { number: asking.version?.number ?? '' })}</Text>
            {asking.step !== 'withdraw' && (
              <Textarea
                label={t(asking.step === 'return' ? 'approval.reason' : 'approval.note')}
                required={asking.step === 'return'}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={4000}
                data-autofocus
                data-testid="plan-step-text"
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={run}
                loading={step.isPending}
                disabled={asking.step === 'return' && text.trim() === ''}
                color={asking.step === 'return' ? 'orange' : asking.step === 'approve' ? 'green' : undefined}
                data-testid="plan-step-confirm"
              >
                {t(`approval.ask.${asking.step}.confirm`)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      {comparing && (
        <PlanDiffModal agreementId={agreementId} versions={a.versions} initial={comparing} onClose={() => setComparing(null)} />
      )}
    </Paper>
  );
}
