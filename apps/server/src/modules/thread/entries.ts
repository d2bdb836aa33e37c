import { invalidField, reportingEntryKinds, todayInVietnam, type EntryKind, type SnapshotSource, type TaskState } from '@accord/domain';
import type { Change } from '../../change/change.js';
import type { AgreementAccess } from '../access/access.service.js';
import { attachFiles } from '../files/files.repository.js';
import { refreshLastReported } from '../tasks/task.repository.js';
import * as repo from './thread.repository.js';

/** Whether an entry tells both sides how the task stands (see the domain's `isStale`): its task's last report moves with it. */
export const countsAsReport = (e: { kind: EntryKind; audienceSide: string | null }) =>
  (reportingEntryKinds as readonly string[]).includes(e.kind) && e.audienceSide === null;

/** An entry in the one snapshot shape of its history. */
export function entrySnapshot(e: repo.EntryRow): SnapshotSource<'entry'> {
  return { ...e, internal: e.audienceSide !== null };
}

export interface NewEntry {
  task: { id: string; agreementId: string; title: string };
  kind: EntryKind;
  body: string;
  /** Seen by the author's side only. */
  internal: boolean;
  progress?: number | null;
  state?: TaskState | null;
  stateReason?: string | null;
  mentions?: string[];
  /** Files its author uploaded to the task and has not posted yet: the entry carries them. */
  fileIds?: readonly string[];
  /** When it was written: now, unless the demo loads a past entry. */
  at?: string;
}

/**
 * Adds an entry to a task's thread in `change`, with its history event (meant, like the entry,
 * for the author's side alone when it is internal). The thread service and the delivery steps
 * both write through here.
 */
export async function addEntry(change: Change, access: AgreementAccess, e: NewEntry): Promise<repo.EntryRow> {
  const { tx, viewer } = change;
  const audienceSide = e.internal ? access.side : null;
  const id = await repo.insertEntry(tx, {
    agreementId: e.task.agreementId,
    taskId: e.task.id,
    kind: e.kind,
    authorId: viewer.user.id,
    authorOrgId: viewer.user.organisation.id,
    authorSide: access.side,
    audienceSide,
    body: e.body,
    progress: e.progress ?? null,
    state: e.state ?? null,
    stateReason: e.stateReason ?? null,
    mentions: e.mentions ?? [],
    at: e.at,
  });
  const fileIds = e.fileIds ?? [];
  if (fileIds.length > 0) {
    const taken = await attachFiles(tx, { entryId: id, taskId: e.task.id, uploadedBy: viewer.user.id, fileIds });
    const missing = fileIds.findIndex((f) => !taken.has(f));
    if (missing >= 0) throw invalidField(`fileIds.${missing}`, 'unknownFile');
  }
  const entry = (await repo.findEntry(tx, e.task.id, id)) as repo.EntryRow;
  if (countsAsReport({ kind: e.kind, audienceSide })) await refreshLastReported(tx, e.task.id);
  await change.record('entry', {
    action: 'create',
    entityId: id,
    agreementId: e.task.agreementId,
    title: e.task.title,
    before: null,
    after: entrySnapshot(entry),
    audience: audienceSide,
  });
  return entry;
}

/** The moment of an entry written by a step dated `on`: now when that is today, else that morning (demo data of past days). */
export function momentOf(on: string): string | undefined {
  return on === todayInVietnam() ? undefined : `${on}T09:00:00+07:00`;
}
