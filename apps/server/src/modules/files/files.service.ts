import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, invalidField, isEvidenceMediaType, type EvidenceFile } from '@accord/domain';
import { withChange } from '../../change/change.js';
import type { Db, Queryable } from '../../db/pool.js';
import type { FileStorage } from '../../storage/file-storage.js';
import { authorizeTask, loadAgreementAccess, notFound, seesAudience } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import { findTask } from '../tasks/task.repository.js';
import * as repo from './files.repository.js';

const fileNotFound = () => notFound('FILE_NOT_FOUND', 'The file');
const sha256Of = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** A file as the API shows it: what it is, never where it is stored. */
function presentFile(f: repo.FileRow): EvidenceFile {
  const { agreementId: _a, storageKey: _k, audienceSide: _s, ...file } = f;
  return file;
}

/** The task a file is uploaded to (or taken back from): readable (else 404), and the viewer may write in its thread (else 403). */
async function taskForUpload(db: Queryable, viewer: Viewer, agreementId: string, taskId: string): Promise<void> {
  const access = await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const task = await findTask(db, agreementId, taskId);
  if (!task) throw notFound('TASK_NOT_FOUND', 'The task');
  authorizeTask(viewer, access.side, { obligor: task.obligor, leadUnitId: task.leadUnit?.id ?? null }, 'file.upload');
}

/**
 * Takes a file for an entry to come (a report, a comment, a delivery): checked like writing in the
 * task's thread, its type worked out from its bytes (only the evidence kinds are taken), its
 * SHA-256 kept, its bytes stored under a generated name, the agreement's quota held while it is
 * counted. It waits, seen by its uploader alone, until an entry names it in `fileIds`.
 */
export async function uploadFile(
  db: Db,
  storage: FileStorage,
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  name: string,
  body: Buffer | undefined,
  maxBytes: number,
): Promise<EvidenceFile> {
  await taskForUpload(db, viewer, agreementId, taskId);
  if (!body || body.length === 0) throw invalidField('file', 'required');
  if (body.length > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `A file may be up to ${Math.floor(maxBytes / 1024 / 1024)} MB.`, { limit: maxBytes });
  }
  const detected = await fileTypeFromBuffer(body);
  if (!detected || !isEvidenceMediaType(detected.mime)) {
    throw new AppError(
      'FILE_TYPE_NOT_ALLOWED',
      'Only PDF, images (PNG, JPEG, GIF, WebP), Word, Excel, PowerPoint and ZIP files are taken; this file is none of them, whatever its name says.',
      { detected: detected?.mime ?? null },
    );
  }
  const storageKey = `${agreementId}/${randomUUID()}`;
  await storage.put(storageKey, body);
  try {
    return await withChange(db, viewer, async ({ tx }) => {
      const { used, quota } = await repo.lockQuota(tx, agreementId);
      if (used + body.length > quota) {
        throw new AppError('FILE_QUOTA_EXCEEDED', "This agreement's files would pass its quota; ask an administrator for more room.", {
          used,
          quota,
          size: body.length,
        });
      }
      const id = await repo.insertFile(tx, {
        agreementId,
        taskId,
        uploadedBy: viewer.user.id,
        name: name.normalize('NFC'),
        mediaType: detected.mime,
        size: body.length,
        sha256: sha256Of(body),
        storageKey,
      });
      return presentFile((await repo.findFile(tx, taskId, id)) as repo.FileRow);
    });
  } catch (error) {
    // Nothing saved: the bytes go too.
    await storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

/**
 * A file the viewer may read: one of an entry they may see (also once the entry is withdrawn: its
 * history names the file), or one they uploaded and have not posted yet. Anyone else gets 404.
 */
async function readableFile(db: Db, viewer: Viewer, agreementId: string, taskId: string, fileId: string): Promise<repo.FileRow> {
  const access = await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const file = await repo.findFile(db, taskId, fileId);
  if (!file || file.agreementId !== agreementId) throw fileNotFound();
  const mayRead = file.entryId === null ? file.uploadedBy.id === viewer.user.id : seesAudience(access.side, file.audienceSide);
  if (!mayRead) throw fileNotFound();
  return file;
}

/** The file's bytes, checked against its SHA-256 before a byte is sent: a changed file is refused, never served. */
export async function downloadFile(
  db: Db,
  storage: FileStorage,
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  fileId: string,
): Promise<{ file: EvidenceFile; body: Buffer }> {
  const file = await readableFile(db, viewer, agreementId, taskId, fileId);
  const body = await storage.get(file.storageKey);
  if (body.length !== file.size || sha256Of(body) !== file.sha256) {
    throw new AppError(
      'FILE_CORRUPTED',
      'The stored file is not the one that was uploaded; it is not sent. An administrator has been told.',
      {
        fileId,
      },
    );
  }
  return { file: presentFile(file), body };
}

/** Its uploader takes back a file not posted yet (the composer's "remove"); a posted file stays with its entry. */
export async function deletePendingFile(db: Db, storage: FileStorage, viewer: Viewer, agreementId: string, taskId: string, fileId: string) {
  const key = await withChange(db, viewer, async ({ tx }) => {
    await taskForUpload(tx, viewer, agreementId, taskId);
    const file = await repo.findFile(tx, taskId, fileId, { forUpdate: true });
    if (!file || file.agreementId !== agreementId || file.entryId !== null || file.uploadedBy.id !== viewer.user.id) throw fileNotFound();
    await repo.deletePendingFile(tx, fileId);
    return file.storageKey;
  });
  await storage.delete(key).catch(() => undefined);
}
