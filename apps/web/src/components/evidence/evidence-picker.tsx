import type { EvidenceFile } from '@accord/domain';
import { ActionIcon, Button, FileButton, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fileSize } from './entry-files';

/** A file being attached: uploading, uploaded (with its record), or refused (with the reason). */
export interface Attachment {
  key: string;
  name: string;
  size: number;
  file?: EvidenceFile;
  error?: string;
}

interface EvidencePickerProps {
  attachments: readonly Attachment[];
  onAdd: (files: File[]) => void;
  onRemove: (attachment: Attachment) => void;
  disabled?: boolean;
}

/** The accepted kinds, for the browser's picker only: the server decides from the bytes. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.zip';

/** "Đính kèm tệp": files uploaded as soon as they are picked, listed with their state, removable until sent. */
export function EvidencePicker({ attachments, onAdd, onRemove, disabled }: EvidencePickerProps) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={6}>
      {attachments.map((a) => (
        <Paper
          key={a.key}
          withBorder
          radius="sm"
          px="xs"
          py={4}
          data-testid="attachment"
          data-state={a.error ? 'error' : a.file ? 'ready' : 'uploading'}
        >
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              {a.file || a.error ? <IconPaperclip size={16} aria-hidden /> : <Loader size={14} aria-label={t('files.uploading')} />}
              <div style={{ minWidth: 0 }}>
                <Text size="sm" truncate>
                  {a.name}
                </Text>
                <Text size="xs" c={a.error ? 'red' : 'dimmed'} data-testid="attachment-status">
                  {a.error ?? (a.file ? fileSize(a.size, i18n.language) : t('files.uploading'))}
                </Text>
              </div>
            </Group>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => onRemove(a)}
              disabled={!a.file && !a.error}
              aria-label={t('files.remove', { name: a.name })}
              data-testid="attachment-remove"
            >
              <IconX size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group gap="xs">
        <FileButton onChange={onAdd} accept={ACCEPT} multiple disabled={disabled}>
          {(props) => (
            <Button {...props} variant="default" size="xs" leftSection={<IconPaperclip size={14} />} data-testid="entry-attach">
              {t('files.attach')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('files.hint')}
        </Text>
      </Group>
    </Stack>
  );
}
