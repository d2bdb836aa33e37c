import type { Person, TaskState, Thread, WrittenEntryKind } from '@accord/domain';
import { Alert, Button, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { useFormErrors } from '../../../lib/use-form-errors';
import { EvidencePicker } from '../../../components/evidence/evidence-picker';
import { useAttachments } from '../../../components/evidence/use-attachments';
import { usePostEntry, type NewEntry } from '../api/thread';
import { MentionTextarea } from './mention-textarea';
import { mentionedIds } from './mentions';

interface EntryComposerProps {
  agreementId: string;
  taskId: string;
  allowed: Thread['allowed'];
  /** The task's progress is rolled up from its sub-tasks: a report says how it goes, without a figure. */
  progressRolledUp: boolean;
  currentProgress: number;
}

const kinds: readonly WrittenEntryKind[] = ['report', 'comment', 'direction'];

/** Writing in a task's thread: a progress report, a comment or a direction, as the user may. */
export function EntryComposer({ agreementId, taskId, allowed, progressRolledUp, currentProgress }: EntryComposerProps) {
  const { t } = useTranslation('thread');
  const offered = kinds.filter((k) => allowed[k]);
  const [kind, setKind] = useState<WrittenEntryKind>(offered[0] ?? 'comment');
  const [body, setBody] = useState('');
  const [picked, setPicked] = useState<Person[]>([]);
  const [internal, setInternal] = useState(false);
  const [progress, setProgress] = useState<number | string>('');
  const [state, setState] = useState<TaskState | null>(null);
  const [stateReason, setStateReason] = useState('');
  const evidence = useAttachments(agreementId, taskId);
  const post = usePostEntry(agreementId, taskId);
  const { uploading, fileIds } = evidence;
  const { errors, setErrors, formError, setFormError, showApiError } = useFormErrors();
  const changesTask = kind === 'report' && (progress !== '' || state !== null);

  if (offered.length === 0) return null;
  const reset = () => {
    setBody('');
    setPicked([]);
    setInternal(false);
    setProgress('');
    setState(null);
    setStateReason('');
    evidence.clear();
    setErrors({});
    setFormError(null);
  };

  const send = () => {
    if (body.trim() === '') {
      setErrors({ body: t('composer.bodyRequired') });
      return;
    }
    const common = { body, internal: internal && !changesTask, mentions: mentionedIds(body, picked), fileIds };
    const entry: NewEntry =
      kind === 'report'
        ? {
            kind,
            body: {
              ...common,
              ...(progress !== '' ? { progress: Number(progress) } : {}),
              ...(state !== null ? { state, stateReason: stateReason.trim() === '' ? null : stateReason } : {}),
            },
          }
        : { kind, body: common };
    post.mutate(entry, {
      onSuccess: () => {
        reset();
        notifySuccess(t(`composer.posted.${kind}`));
      },
      onError: showApiError,
    });
  };

  return (
    <Stack gap="xs" data-testid="entry-composer">
      {offered.length > 1 && (
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => setKind(v as WrittenEntryKind)}
          data={offered.map((k) => ({ value: k, label: t(`entryKind.${k}`) }))}
          data-testid="entry-kind"
        />
      )}
      {formError && (
        <Alert color="red" data-testid="entry-form-error">
          {formError}
        </Alert>
      )}
      <MentionTextarea
        agreementId={agreementId}
        internal={internal}
        value={body}
        onChange={setBody}
        onPick={(p) => setPicked((current) => [...current, p])}
        label={t(`composer.label.${kind}`)}
        description={t('composer.mentionHint')}
        placeholder={t(`composer.placeholder.${kind}`)}
        autosize
        minRows={2}
        maxRows={10}
        maxLength={10_000}
        error={errors.body ?? errors['mentions.0']}
        data-testid="entry-body"
      />
      {kind === 'report' && (
        <Group grow align="flex-start">
          <NumberInput
            label={t('composer.progress')}
            description={progressRolledUp ? t('composer.progressRolledUp') : t('composer.progressNow', { value: currentProgress })}
            disabled={progressRolledUp}
            min={0}
            max={100}
            decimalScale={1}
            suffix="%"
            value={progress}
            onChange={setProgress}
            error={errors.progress}
            data-testid="entry-progress"
          />
          <Select
            label={t('composer.state')}
            placeholder={t('composer.stateUnchanged')}
            clearable
            data={[
              { value: 'open', label: t('composer.stateOpen') },
              { value: 'paused', label: t('composer.statePaused') },
            ]}
            value={state}
            onChange={(v) => setState(v as TaskState | null)}
            data-testid="entry-state"
          />
        </Group>
      )}
      {kind === 'report' && state === 'paused' && (
        <TextInput
          label={t('composer.stateReason')}
          required
          value={stateReason}
          onChange={(e) => setStateReason(e.currentTarget.value)}
          error={errors.stateReason}
          data-testid="entry-state-reason"
        />
      )}
      <EvidencePicker attachments={evidence.attachments} onAdd={evidence.add} onRemove={evidence.remove} disabled={post.isPending} />
      {errors['fileIds.0'] && (
        <Text size="sm" c="red">
          {errors['fileIds.0']}
        </Text>
      )}
      <Group justify="space-between">
        {allowed.internal ? (
          <Checkbox
            label={t('composer.internal')}
            description={changesTask ? t('composer.internalNotWithChanges') : t('composer.internalHint')}
            checked={internal && !changesTask}
            disabled={changesTask}
            onChange={(e) => setInternal(e.currentTarget.checked)}
            error={errors.internal}
            data-testid="entry-internal"
          />
        ) : (
          <span />
        )}
        <Button leftSection={<IconSend size={16} />} loading={post.isPending} disabled={uploading} onClick={send} data-testid="entry-send">
          {t(`composer.send.${kind}`)}
        </Button>
      </Group>
    </Stack>
  );
}
