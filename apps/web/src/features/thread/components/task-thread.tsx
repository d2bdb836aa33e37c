import type { Entry, EntryKind } from '@accord/domain';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Textarea, Tooltip, type MantineColor } from '@mantine/core';
import { IconEyeOff, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ui/confirm-modal';
import { notifyConflict, notifySuccess } from '../../../components/ui/notify';
import { PageLoader } from '../../../components/ui/page-loader';
import { QueryError } from '../../../components/ui/query-error';
import { isVersionConflict } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useEntryChange, useThread } from '../api/thread';
import { EntryFiles } from '../../../components/evidence/entry-files';
import { EntryComposer } from './entry-composer';
import { segmentsOf } from './mentions';

const kindColors: Record<EntryKind, MantineColor> = {
  report: 'blue',
  comment: 'gray',
  direction: 'grape',
  delivered: 'violet',
  accepted: 'green',
  rejected: 'orange',
};

interface TaskThreadProps {
  agreementId: string;
  taskId: string;
  progressRolledUp: boolean;
  currentProgress: number;
}

/** A task's thread: what the two sides told each other, newest first, and a place to write. */
export function TaskThread({ agreementId, taskId, progressRolledUp, currentProgress }: TaskThreadProps) {
  const { t } = useTranslation('thread');
  const thread = useThread(agreementId, taskId);
  if (thread.isError) return <QueryError error={thread.error} onRetry={() => void thread.refetch()} />;
  if (!thread.data) return <PageLoader />;
  const first = thread.data.pages[0];
  const entries = thread.data.pages.flatMap((p) => p.items);

  return (
    <Stack gap="md" data-testid="task-thread">
      {first && (
        <EntryComposer
          agreementId={agreementId}
          taskId={taskId}
          allowed={first.allowed}
          progressRolledUp={progressRolledUp}
          currentProgress={currentProgress}
        />
      )}
      <Text size="sm" c="dimmed" data-testid="thread-total">
        {t('thread.total', { count: first?.total ?? 0 })}
      </Text>
      {entries.map((e) => (
        <EntryCard key={e.id} agreementId={agreementId} taskId={taskId} entry={e} />
      ))}
      {thread.hasNextPage && (
        <Button variant="subtle" onClick={() => void thread.fetchNextPage()} loading={thread.isFetchingNextPage} data-testid="thread-more">
          {t('thread.more')}
        </Button>
      )}
    </Stack>
  );
}

function EntryCard({ agreementId, taskId, entry }: { agreementId: string; taskId: string; entry: Entry }) {
  const { t, i18n } = useTranslation('thread');
  const errorMessage = useErrorMessage();
  const { edit, remove } = useEntryChange(agreementId, taskId);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const org =
    i18n.language === 'en' && entry.author.organisation.nameEn ? entry.author.organisation.nameEn : entry.author.organisation.name;

  const failed = (e: unknown) => {
    if (isVersionConflict(e)) notifyConflict(t('entry.conflictTitle'), t('entry.conflict'));
    else setError(errorMessage(e));
  };
  const save = () => {
    if (editing === null || editing.trim() === '') return;
    const mentions = entry.mentions.filter((m) => editing.includes(`@${m.name}`)).map((m) => m.id);
    edit.mutate(
      { entry, body: editing, mentions },
      {
        onSuccess: () => {
          setEditing(null);
          setError(null);
          notifySuccess(t('entry.saved'));
        },
        onError: failed,
      },
    );
  };

  return (
    <Paper withBorder p="sm" radius="md" data-testid="thread-entry" data-kind={entry.kind} data-internal={entry.internal}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap={6} wrap="wrap">
          <Badge size="sm" variant="light" color={kindColors[entry.kind]}>
            {t(`entryKind.${entry.kind}`)}
          </Badge>
          {entry.internal && (
            <Tooltip label={t('entry.internalHint')}>
              <Badge size="sm" variant="outline" color="dark" leftSection={<IconEyeOff size={12} />} data-testid="entry-internal-badge">
                {t('entry.internal')}
              </Badge>
            </Tooltip>
          )}
          <Text size="sm" fw={600}>
            {entry.author.name}
          </Text>
          <Text size="xs" c="dimmed">
            {org}
          </Text>
        </Group>
        {entry.allowed.edit && editing === null && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="subtle" aria-label={t('entry.edit')} onClick={() => setEditing(entry.body)} data-testid="entry-edit">
              <IconPencil size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('entry.delete')}
              onClick={() => setConfirming(true)}
              data-testid="entry-delete"
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        {formatDateTime(entry.createdAt)}
        {entry.editedAt && ` · ${t('entry.edited')}`}
      </Text>
      {(entry.progress !== null || entry.state !== null) && (
        <Group gap="xs" mt={6}>
          {entry.progress !== null && (
            <Badge variant="dot" color="blue" data-testid="entry-progress-value">
              {t('entry.progress', { value: entry.progress })}
            </Badge>
          )}
          {entry.state !== null && (
            <Badge variant="dot" color={entry.state === 'open' ? 'green' : 'yellow'}>
              {t(`entry.state.${entry.state}`)}
              {entry.stateReason ? `: ${entry.stateReason}` : ''}
            </Badge>
          )}
        </Group>
      )}
      {editing !== null ? (
        <Stack gap="xs" mt="xs">
          <Textarea
            autosize
            minRows={2}
            maxRows={10}
            maxLength={10_000}
            value={editing}
            onChange={(e) => setEditing(e.currentTarget.value)}
            data-testid="entry-edit-body"
          />
          {error && (
            <Text size="sm" c="red">
              {error}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" loading={edit.isPending} disabled={editing.trim() === ''} onClick={save} data-testid="entry-edit-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        entry.body !== '' && (
          <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="entry-body-text">
            {segmentsOf(entry.body, entry.mentions).map((s, i) =>
              'mention' in s ? (
                <Text span key={i} c="blue.7" fw={600} data-testid="entry-mention">
                  @{s.mention}
                </Text>
              ) : (
                <span key={i}>{s.text}</span>
              ),
            )}
          </Text>
        )
      )}
      <EntryFiles agreementId={agreementId} files={entry.files} />
      <ConfirmModal
        opened={confirming}
        title={t('entry.deleteTitle')}
        message={t('entry.deleteMessage')}
        confirmLabel={t('entry.delete')}
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(entry, {
            onSuccess: () => {
              setConfirming(false);
              notifySuccess(t('entry.deleted'));
            },
            onError: (e) => {
              setConfirming(false);
              failed(e);
            },
          })
        }
      />
    </Paper>
  );
}
