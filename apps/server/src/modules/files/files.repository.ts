import type { EvidenceFile, Side } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import type { Statement } from '../../db/sql.js';

// The only place with SQL for evidence files.

export interface FileRow extends EvidenceFile {
  agreementId: string;
  storageKey: string;
  /** The one side that may read it (its entry's audience), or null: everyone who reads the agreement. */
  audienceSide: Side | null;
}

/** A file's columns in the API's shape; needs `task_files f`, `users fu` (its uploader), `task_entries fe` (its entry, left-joined). */
export const fileColumns = `f.id, f.task_id AS "taskId", f.name, f.media_type AS "mediaType", f.size_bytes::int AS size, f.sha256,
  f.entry_id AS "entryId", json_build_object('id', fu.id, 'name', fu.display_name) AS "uploadedBy",
  to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

/** The files of the entry `e`, as a JSON array expression (for the entry's own select). */
export const filesOfEntrySql = `COALESCE((SELECT json_agg(json_build_object('id', f.id, 'taskId', f.task_id, 'name', f.name,
    'mediaType', f.media_type, 'size', f.size_bytes, 'sha256', f.sha256, 'entryId', f.entry_id,
    'uploadedBy', json_build_object('id', fu.id, 'name', fu.display_name),
    'createdAt', to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY f.created_at, f.id)
  FROM task_files f JOIN users fu ON fu.id = f.uploaded_by WHERE f.entry_id = e.id), '[]'::json)`;

/** The statement that reads one file with where it is stored and who may read it (also run bare by the benchmark). */
export function findFileStatement(taskId: string, fileId: string, { forUpdate = false } = {}): Statement {
  return {
    text: `SELECT ${fileColumns}, f.agreement_id AS "agreementId", f.storage_key AS "storageKey", fe.audience_side AS "audienceSide"
     FROM task_files f JOIN users fu ON fu.id = f.uploaded_by LEFT JOIN task_entries fe ON fe.id = f.entry_id
     WHERE f.id = $1 AND f.task_id = $2 ${forUpdate ? 'FOR UPDATE OF f' : ''}`,
    values: [fileId, taskId],
  };
}

export async function findFile(
  db: Queryable,
  taskId: string,
  fileId: string,
  options: { forUpdate?: boolean } = {},
): Promise<FileRow | undefined> {
  const { text, values } = findFileStatement(taskId, fileId, options);
  const { rows } = await db.query<FileRow>(text, values);
  return rows[0];
}

/** Holds the agreement's evidence quota for the rest of the transaction: uploads to one agreement count one at a time. */
export async function lockQuota(tx: Queryable, agreementId: string): Promise<{ used: number; quota: number }> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('accord.files:' || $1::text, 0))`, [agreementId]);
  const { rows } = await tx.query<{ used: string; quota: string }>(
    `SELECT COALESCE((SELECT sum(size_bytes) FROM task_files WHERE agreement_id = $1), 0)::text AS used,
       (SELECT file_quota_bytes FROM agreements WHERE id = $1)::text AS quota`,
    [agreementId],
  );
  const row = rows[0] as { used: string; quota: string };
  return { used: Number(row.used), quota: Number(row.quota) };
}

export async function insertFile(
  tx: Queryable,
  f: {
    agreementId: string;
    taskId: string;
    uploadedBy: string;
    name: string;
    mediaType: string;
    size: number;
    sha256: string;
    storageKey: string;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO task_files(agreement_id, task_id, uploaded_by, name, media_type, size_bytes, sha256, storage_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [f.agreementId, f.taskId, f.uploadedBy, f.name, f.mediaType, f.size, f.sha256, f.storageKey],
  );
  return (rows[0] as { id: string }).id;
}

/**
 * Gives the uploader's pending files of this task to the entry; returns the ids it took (an id
 * not among them is someone else's, another task's, or already posted).
 */
export async function attachFiles(tx: Queryable, a: { entryId: string; taskId: string; uploadedBy: string; fileIds: readonly string[] }) {
  const { rows } = await tx.query<{ id: string }>(
    `UPDATE task_files SET entry_id = $1 WHERE id = ANY($2::uuid[]) AND task_id = $3 AND uploaded_by = $4 AND entry_id IS NULL RETURNING id`,
    [a.entryId, a.fileIds, a.taskId, a.uploadedBy],
  );
  return new Set(rows.map((r) => r.id));
}

export async function deletePendingFile(tx: Queryable, fileId: string): Promise<void> {
  await tx.query('DELETE FROM task_files WHERE id = $1 AND entry_id IS NULL', [fileId]);
}
