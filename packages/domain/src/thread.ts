import { z } from 'zod';
import { fieldIssues } from './errors.js';
import { fileIdsField, fileSchema } from './files.js';
import { progressField, taskStateSchema } from './plan.js';
import { sides } from './policy.js';
import { optionalText, textField, uuid, versionField } from './text.js';

/**
 * A task's thread: what the two sides tell each other about the task, newest first. People write
 * progress reports, comments and directions; the delivery steps write their own entries.
 */
export const writtenEntryKinds = ['report', 'comment', 'direction'] as const;
export const entryKinds = [...writtenEntryKinds, 'delivered', 'accepted', 'rejected'] as const;
export const entryKindSchema = z.enum(entryKinds);
export type EntryKind = (typeof entryKinds)[number];
export type WrittenEntryKind = (typeof writtenEntryKinds)[number];

/** How long after posting its author may still edit or delete an entry. */
export const ENTRY_EDIT_MINUTES = 15;
/** The most people one entry may point at. */
export const MAX_MENTIONS = 20;
export const MAX_ENTRY_LENGTH = 10_000;

/** The moment an entry posted at `createdAt` stops being editable. */
export function entryEditableUntil(createdAt: string | Date): Date {
  return new Date(new Date(createdAt).getTime() + ENTRY_EDIT_MINUTES * 60_000);
}

/** Whether an entry posted at `createdAt` may still be edited at `now` (by its author). */
export function isWithinEditWindow(createdAt: string | Date, now: Date): boolean {
  return now.getTime() < entryEditableUntil(createdAt).getTime();
}

const personRef = z.object({ id: uuid, name: z.string() });

export const entrySchema = z.object({
  id: uuid,
  taskId: uuid,
  kind: entryKindSchema,
  body: z.string(),
  /** Seen only by the author's side: never by the other party, nor by anyone outside the agreement. */
  internal: z.boolean(),
  author: personRef.extend({
    organisation: z.object({ id: uuid, name: z.string(), nameEn: z.string().nullable() }),
    side: z.enum(sides).nullable(),
  }),
  /** A report's progress, as reported. */
  progress: z.number().nullable(),
  /** A report's change of whether the task goes ahead, with its reason. */
  state: taskStateSchema.nullable(),
  stateReason: z.string().nullable(),
  /** The people the entry points at (by their @name in the text), for a later notice to them. */
  mentions: z.array(personRef),
  /** The evidence it carries. */
  files: z.array(fileSchema),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  /** Until when the author may edit or delete it. */
  editableUntil: z.string(),
  version: z.number().int(),
  allowed: z.object({ edit: z.boolean() }),
});
export type Entry = z.infer<typeof entrySchema>;

export const threadSchema = z.object({
  items: z.array(entrySchema),
  /** How many entries of the thread this user may see. */
  total: z.number().int(),
  /** Pass as `before` for the next (older) page; null at the end. */
  next: z.string().nullable(),
  /** What this user may post here. */
  allowed: z.object({ report: z.boolean(), comment: z.boolean(), direction: z.boolean(), internal: z.boolean() }),
});
export type Thread = z.infer<typeof threadSchema>;

export const threadQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** The `next` of the page before. */
  before: z
    .string()
    .regex(/^[1-9]\d{0,17}$/, { message: fieldIssues.invalid })
    .optional(),
});
export type ThreadQuery = z.infer<typeof threadQuery>;

const entryText = textField(MAX_ENTRY_LENGTH);
const mentionsField = z
  .array(uuid)
  .max(MAX_MENTIONS, { message: fieldIssues.tooMany })
  .transform((ids) => [...new Set(ids)]);

const entryFields = {
  body: entryText,
  internal: z.boolean().default(false),
  mentions: mentionsField.default([]),
  /** Evidence uploaded first (POST …/files), carried by the entry; seen by whoever sees the entry. */
  fileIds: fileIdsField.default([]),
};

/** POST …/comments and …/directions. */
export const entryCreateInput = z.object(entryFields).strict();
export type EntryCreateInput = z.infer<typeof entryCreateInput>;

/**
 * POST …/reports: the text, and what it changes on the task — its progress and whether it goes
 * ahead. An internal report changes nothing on the task: the other party would see the change.
 */
export const reportCreateInput = z
  .object({
    ...entryFields,
    progress: progressField.optional(),
    state: taskStateSchema.optional(),
    stateReason: optionalText(2000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.internal && (v.progress !== undefined || v.state !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['internal'], message: fieldIssues.internalChangesNothing });
    }
  });
export type ReportCreateInput = z.infer<typeof reportCreateInput>;

/** PATCH …/entries/:entryId: the author's correction of the text and who it points at. */
export const entryUpdateInput = z
  .object({ body: entryText.optional(), mentions: mentionsField.optional(), version: versionField.optional() })
  .strict();
export type EntryUpdateInput = z.infer<typeof entryUpdateInput>;

/** A person an entry may point at: a user of one of the agreement's parties (of the writer's side, for an internal entry). */
export const personSchema = z.object({
  id: uuid,
  name: z.string(),
  organisation: z.object({ id: uuid, name: z.string(), nameEn: z.string().nullable() }),
  side: z.enum(sides),
});
export type Person = z.infer<typeof personSchema>;

export const peopleQuery = z.object({
  q: z.string().max(200).optional(),
  /** Only the writer's side: for an internal entry. */
  internal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type PeopleQuery = z.infer<typeof peopleQuery>;
