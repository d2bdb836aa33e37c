import { z } from 'zod';
import { fieldIssues } from './errors.js';
import { textField, uuid } from './text.js';

/**
 * Evidence files: the documents and pictures a report or a delivery brings. What a file is, is
 * decided from its bytes (the server sniffs them), never from its name or what the browser says;
 * these are the kinds accepted.
 */
export const evidenceMediaTypes = {
  'application/pdf': 'pdf',
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'powerpoint',
  // Word, Excel and PowerPoint 97–2003 (one container format for the three).
  'application/x-cfb': 'office97',
  'application/zip': 'zip',
} as const;
export type EvidenceMediaType = keyof typeof evidenceMediaTypes;
export type EvidenceKind = (typeof evidenceMediaTypes)[EvidenceMediaType];

export function isEvidenceMediaType(type: string): type is EvidenceMediaType {
  return Object.hasOwn(evidenceMediaTypes, type);
}

/** Shown in the page itself (an image), not only downloaded. */
export function isPreviewable(type: string): boolean {
  return isEvidenceMediaType(type) && evidenceMediaTypes[type] === 'image';
}

/** The most files one entry may carry. */
export const MAX_FILES_PER_ENTRY = 10;
export const MAX_FILE_NAME = 255;

export const fileSchema = z.object({
  id: uuid,
  taskId: uuid,
  /** The name it was uploaded under, as written (shown; sent back in Content-Disposition). */
  name: z.string(),
  /** Worked out from its bytes. */
  mediaType: z.string(),
  size: z.number().int(),
  /** SHA-256 of its bytes, hex: checked on every download. */
  sha256: z.string(),
  /** The entry that carries it; null while it waits to be posted with one (seen by its uploader only). */
  entryId: uuid.nullable(),
  uploadedBy: z.object({ id: uuid, name: z.string() }),
  createdAt: z.string(),
});
export type EvidenceFile = z.infer<typeof fileSchema>;

/** POST …/files?name=: the file's bytes are the body. */
export const fileUploadQuery = z.object({
  name: textField(MAX_FILE_NAME).refine((v) => !/[\\/]/.test(v), { message: fieldIssues.invalid }),
});

export const fileDownloadQuery = z.object({
  /** `inline`: an image shown in the page; anything else is always a download. */
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});

/** The files an entry brings: uploaded first by its author (POST …/files), named by id. */
export const fileIdsField = z
  .array(uuid)
  .max(MAX_FILES_PER_ENTRY, { message: fieldIssues.tooMany })
  .transform((ids) => [...new Set(ids)]);
