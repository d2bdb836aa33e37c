import { isPreviewable, type EvidenceFile } from '@accord/domain';
import { Anchor, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconFileTypePdf, IconFileZip, IconPaperclip, IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { endpointUrl } from '../../lib/api-client';

/** A file's size as people read it: KB under a megabyte, MB above, in the user's language. */
export function fileSize(bytes: number, language: string): string {
  const format = (n: number, unit: string) => `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  return bytes < 1024 * 1024 ? format(Math.max(1, bytes / 1024), 'KB') : format(bytes / 1024 / 1024, 'MB');
}

function FileIcon({ type }: { type: string }) {
  if (type === 'application/pdf') return <IconFileTypePdf size={18} aria-hidden />;
  if (type === 'application/zip') return <IconFileZip size={18} aria-hidden />;
  if (isPreviewable(type)) return <IconPhoto size={18} aria-hidden />;
  return <IconPaperclip size={18} aria-hidden />;
}

/** Where a file is downloaded (or, for an image, shown): the API's own address, checked like any read. */
export function fileHref(agreementId: string, file: EvidenceFile, inline = false): string {
  const url = endpointUrl('downloadFile', { id: agreementId, taskId: file.taskId, fileId: file.id });
  return inline ? `${url}?disposition=inline` : url;
}

/** The evidence an entry carries: images shown small, every file a download under its own name. */
export function EntryFiles({ agreementId, files }: { agreementId: string; files: readonly EvidenceFile[] }) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return null;
  const images = files.filter((f) => isPreviewable(f.mediaType));
  return (
    <Stack gap={6} mt={8} data-testid="entry-files">
      {images.length > 0 && (
        <Group gap="xs">
          {images.map((f) => (
            <Anchor
              key={f.id}
              href={fileHref(agreementId, f, true)}
              target="_blank"
              rel="noopener"
              aria-label={t('files.open', { name: f.name })}
            >
              <Image
                src={fileHref(agreementId, f, true)}
                alt={f.name}
                h={88}
                w={120}
                fit="cover"
                radius="sm"
                loading="lazy"
                data-testid="entry-file-preview"
              />
            </Anchor>
          ))}
        </Group>
      )}
      {files.map((f) => (
        <Paper key={f.id} withBorder radius="sm" px="xs" py={4} data-testid="entry-file">
          <Group gap="xs" wrap="nowrap">
            <FileIcon type={f.mediaType} />
            <Anchor
              href={fileHref(agreementId, f)}
              download={f.name}
              size="sm"
              style={{ overflowWrap: 'anywhere' }}
              data-testid="entry-file-link"
            >
              {f.name}
            </Anchor>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {fileSize(f.size, i18n.language)}
            </Text>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
