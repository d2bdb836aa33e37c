import {
  AppError,
  entryEditableUntil,
  invalidField,
  isWithinEditWindow,
  searchWords,
  writtenEntryKinds,
  type Entry,
  type EntryCreateInput,
  type EntryUpdateInput,
  type Person,
  type PeopleQuery,
  type ReportCreateInput,
  type Side,
  type Task,
  type Thread,
  type ThreadQuery,
  type WrittenEntryKind,
} from '@accord/domain';
import { withChange, type Change, type Target } from '../../change/change.js';
import type { Db, Queryable } from '../../db/pool.js';
import {
  audienceSql,
  canEditEntry,
  canOnTask,
  forbidden,
  loadAgreementAccess,
  notFound,
  seesAudience,
  type AgreementAccess,
} from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import { applyTaskUpdate, presentTask, taskTarget } from '../tasks/task.service.js';
import { findTask, refreshLastReported } from '../tasks/task.repository.js';
import { addEntry, countsAsReport, entrySnapshot } from './entries.js';
import * as repo from './thread.repository.js';

const entryNotFound = () => notFound('ENTRY_NOT_FOUND', 'The entry');
const taskNotFound = () => notFound('TASK_NOT_FOUND', 'The task');

const operationOf = { report: 'entry.report', comment: 'entry.comment', direction: 'entry.direct' } as const;

/** An entry as the API shows it to this viewer, at `now`. */
export function presentEntry(viewer: Viewer, e: repo.EntryRow, now = new Date()): Entry {
  const written = (writtenEntryKinds as readonly string[]).includes(e.kind);
  return {
    id: e.id,
    taskId: e.taskId,
    kind: e.kind,
    body: e.body,
    internal: e.audienceSide !== null,
    author: { ...e.author, organisation: e.organisation, side: e.authorSide },
    progress: e.progress,
    state: e.state,
    stateReason: e.stateReason,
    mentions: e.mentions,
    files: e.files,
    createdAt: e.createdAt.toISOString(),
    editedAt: e.editedAt?.toISOString() ?? null,
    editableUntil: entryEditableUntil(e.createdAt).toISOString(),
    version: e.version,
    allowed: { edit: written && isWithinEditWindow(e.createdAt, now) && canEditEntry(viewer, e) },
  };
}

const audienceOf = (side: Side | null) => (column: string, param: (value: unknown) => string) => audienceSql(side, column, param);

/** A task's thread, newest first, as this viewer may see it: without the other side's internal entries. */
export async function getThread(db: Db, viewer: Viewer, agreementId: string, taskId: string, q: ThreadQuery): Promise<Thread> {
  const { side } = await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const thread = await repo.listEntries(db, agreementId, taskId, audienceOf(side), q.limit + 1, q.before);
  if (!thread) throw taskNotFound();
  const { items, total, task: facts } = thread;
  const page = items.slice(0, q.limit);
  const now = new Date();
  return {
    items: page.map((e) => presentEntry(viewer, e, now)),
    total,
    next: items.length > q.limit ? (page.at(-1)?.seq ?? null) : null,
    allowed: {
      report: canOnTask(viewer, side, facts, 'entry.report'),
      comment: canOnTask(viewer, side, facts, 'entry.comment'),
      direction: canOnTask(viewer, side, facts, 'entry.direct'),
      internal: side !== null,
    },
  };
}

/**
 * The people an entry points at must be able to read it: people of the agreement's parties, of
 * the writer's side when it is internal. Each one who is not is refused on its field.
 */
async function checkMentions(db: Queryable, agreementId: string, mentions: readonly string[], audience: Side | null): Promise<void> {
  if (mentions.length === 0) return;
  const found = await repo.findPeople(db, agreementId, { side: audience ?? undefined, among: mentions, limit: mentions.length });
  const known = new Set(found.map((p) => p.id));
  const i = mentions.findIndex((id) => !known.has(id));
  if (i >= 0) throw invalidField(`mentions.${i}`, 'notMentionable');
}

/** What posting an entry answers: the entry, and its task as it now is (a report may move its progress). */
export interface Posted {
  entry: Entry;
  task: Task;
}

/**
 * Posts a report, a comment or a direction in a task's thread. No version is asked: two entries
 * posted at once are both kept. A report's progress and state go through the task's one edit path
 * (its checks, its history event, the roll-up), in the same transaction as the entry.
 */
export async function postEntry(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  kind: WrittenEntryKind,
  input: EntryCreateInput | ReportCreateInput,
  /** When it was written: now, unless the demo loads a past entry. */
  at?: string,
): Promise<Posted> {
  return withChange(db, viewer, async (change) => {
    const { row: task, access } = await change.lock(taskTarget(viewer, agreementId, taskId, operationOf[kind]));
    if (input.internal && access.side === null) throw invalidField('internal', 'internalNeedsSide');
    await checkMentions(change.tx, agreementId, input.mentions, input.internal ? access.side : null);
    const report = kind === 'report' ? (input as ReportCreateInput) : null;
    const changes = report !== null && (report.progress !== undefined || report.state !== undefined);
    const after = changes
      ? await applyTaskUpdate(change, access, task, {
          progress: report.progress,
          state: report.state,
          stateReason: report.state === undefined ? undefined : (report.stateReason ?? null),
        })
      : task;
    const entry = await addEntry(change, access, {
      task,
      kind,
      body: input.body,
      internal: input.internal,
      progress: report?.progress ?? null,
      state: report?.state ?? null,
      stateReason: report?.state === undefined ? null : (report.stateReason ?? null),
      mentions: input.mentions,
      fileIds: input.fileIds,
      at,
    });
    // A shared report moved the task's last report: shown as it now is.
    const shown = countsAsReport(entry) ? ((await findTask(change.tx, agreementId, taskId)) ?? after) : after;
    return { entry: presentEntry(viewer, entry), task: presentTask(viewer, access.side, shown) };
  });
}

/**
 * An entry about to be corrected or deleted by its author: its agreement held, its task there, the
 * entry locked; hidden (404) from a viewer who may not see it; refused (403) to anyone but its
 * author and (409) once the edit window has closed — before any version comparison.
 */
function entryTarget(viewer: Viewer, agreementId: string, taskId: string, entryId: string): Target<repo.EntryRow, AgreementAccess> {
  let access: AgreementAccess;
  return {
    load: async (tx) => {
      access = await loadAgreementAccess(tx, viewer, agreementId, 'agreement.read', { lock: 'share' });
      if (!(await findTask(tx, agreementId, taskId))) return undefined;
      const entry = await repo.findEntry(tx, taskId, entryId, { forUpdate: true });
      return entry && seesAudience(access.side, entry.audienceSide) ? entry : undefined;
    },
    notFound: entryNotFound,
    authorize: (e) => {
      if (!(writtenEntryKinds as readonly string[]).includes(e.kind) || !canEditEntry(viewer, e)) {
        throw forbidden('Only its author may change an entry, and only a report, a comment or a direction.');
      }
      if (!isWithinEditWindow(e.createdAt, new Date())) {
        throw new AppError('ENTRY_LOCKED', 'This entry can no longer be changed: entries are corrected within minutes of posting.');
      }
      return access;
    },
    present: (e) => presentEntry(viewer, e),
  };
}

async function recordEntryChange(change: Change, task: { title: string }, before: repo.EntryRow, after: repo.EntryRow | undefined) {
  await change.record('entry', {
    action: after ? 'update' : 'delete',
    entityId: before.id,
    agreementId: before.agreementId,
    title: task.title,
    before: entrySnapshot(before),
    after: after ? entrySnapshot(after) : null,
    audience: before.audienceSide,
  });
}

/** The author corrects an entry's text or who it points at; the earlier text stays in history. */
export async function updateEntry(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  entryId: string,
  version: number,
  input: EntryUpdateInput,
): Promise<Entry> {
  return withChange(db, viewer, async (change) => {
    const { row: before } = await change.open(entryTarget(viewer, agreementId, taskId, entryId), version);
    const mentions = input.mentions ?? before.mentions.map((m) => m.id);
    if (input.mentions) await checkMentions(change.tx, agreementId, mentions, before.audienceSide);
    await repo.updateEntry(change.tx, entryId, { body: input.body ?? before.body, mentions });
    const after = (await repo.findEntry(change.tx, taskId, entryId)) as repo.EntryRow;
    const task = (await findTask(change.tx, agreementId, taskId)) as { title: string };
    await recordEntryChange(change, task, before, after);
    return presentEntry(viewer, after);
  });
}

/**
 * The author withdraws an entry: it leaves the thread, its history stays. What a report changed on
 * the task stays too (the task's own history shows it): a new report sets it right.
 */
export async function deleteEntry(db: Db, viewer: Viewer, agreementId: string, taskId: string, entryId: string, version: number) {
  await withChange(db, viewer, async (change) => {
    const { row: before } = await change.open(entryTarget(viewer, agreementId, taskId, entryId), version);
    await repo.softDeleteEntry(change.tx, entryId);
    if (countsAsReport(before)) await refreshLastReported(change.tx, taskId);
    const task = (await findTask(change.tx, agreementId, taskId)) as { title: string };
    await recordEntryChange(change, task, before, undefined);
  });
}

/** The people of an agreement an entry may point at, by name without regard to diacritics. */
export async function listPeople(db: Db, viewer: Viewer, agreementId: string, q: PeopleQuery): Promise<{ items: Person[] }> {
  const { side } = await loadAgreementAccess(db, viewer, agreementId, 'agreement.people');
  if (q.internal && side === null) return { items: [] };
  const items = await repo.findPeople(db, agreementId, {
    side: q.internal ? (side ?? undefined) : undefined,
    words: searchWords(q.q),
    limit: q.limit,
  });
  return { items };
}
