import { useCallback, useState } from 'react';
import { call, callUpload } from '../../lib/api-client';
import { useErrorMessage } from '../../lib/use-error-message';
import type { Attachment } from './evidence-picker';

/**
 * The files being attached to an entry or a delivery of one task: each uploaded as soon as it is
 * picked (it then waits, the uploader's alone, until the entry names it), removable until sent.
 */
export function useAttachments(agreementId: string, taskId: string) {
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const errorMessage = useErrorMessage();
  const update = (key: string, patch: Partial<Attachment>) =>
    setAttachments((current) => current.map((a) => (a.key === key ? { ...a, ...patch } : a)));

  const add = (files: File[]) => {
    for (const file of files) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      setAttachments((current) => [...current, { key, name: file.name, size: file.size }]);
      callUpload('uploadFile', { params: { id: agreementId, taskId }, query: { name: file.name }, file }).then(
        (uploaded) => update(key, { file: uploaded }),
        (error: unknown) => update(key, { error: errorMessage(error) }),
      );
    }
  };
  const remove = (a: Attachment) => {
    setAttachments((current) => current.filter((x) => x.key !== a.key));
    if (a.file) void call('deletePendingFile', { params: { id: agreementId, taskId, fileId: a.file.id } }).catch(() => undefined);
  };
  const clear = useCallback(() => setAttachments([]), []);
  return {
    attachments,
    add,
    remove,
    clear,
    /** The uploaded files, for the entry's `fileIds`. */
    fileIds: attachments.flatMap((a) => (a.file ? [a.file.id] : [])),
    uploading: attachments.some((a) => !a.file && !a.error),
  };
}
