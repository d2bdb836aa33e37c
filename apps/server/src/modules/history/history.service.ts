import type { AuditEvent } from '@accord/domain';
import type { Db } from '../../db/pool.js';
import { audienceSql, loadAgreementAccess, notFound, readableAgreementIds } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import { findTaskPlace } from '../tasks/task.repository.js';
import { listEvents } from './history.repository.js';

/** Fields of history that name another agreement. */
const linkFields = new Set(['predecessorId', 'parentId']);

/**
 * History as this viewer may read it: a change naming an agreement they cannot open (a
 * predecessor, a parent) is shown without it, so the history never names it.
 */
async function redactLinks(db: Db, viewer: Viewer, events: AuditEvent[]): Promise<AuditEvent[]> {
  const ids = new Set<string>();
  for (const e of events)
    for (const c of e.changes) {
      if (!linkFields.has(c.field)) continue;
      for (const v of [c.before, c.after]) if (typeof v === 'string') ids.add(v);
    }
  if (ids.size === 0) return events;
  const readable = await readableAgreementIds(db, viewer, [...ids]);
  const hidden = (v: unknown) => typeof v === 'string' && !readable.has(v);
  return events.map((e) => ({
    ...e,
    changes: e.changes.filter((c) => !(linkFields.has(c.field) && (hidden(c.before) || hidden(c.after)))),
  }));
}

/** Every change to an agreement, its areas and tasks, newest first. */
export async function agreementHistory(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  limit: number,
  beforeId?: number,
): Promise<AuditEvent[]> {
  const { side } = await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const audience = (column: string, param: (value: unknown) => string) => audienceSql(side, column, param);
  return redactLinks(db, viewer, await listEvents(db, { agreementId }, audience, limit, beforeId));
}

/** Every change to one task and to the entries of its thread, newest first; readable after the task was deleted, since that is where its deletion is recorded. */
export async function taskHistory(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  limit: number,
  beforeId?: number,
): Promise<AuditEvent[]> {
  const { side } = await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  if (!(await findTaskPlace(db, agreementId, taskId, { includeDeleted: true }))) throw notFound('TASK_NOT_FOUND', 'The task');
  const audience = (column: string, param: (value: unknown) => string) => audienceSql(side, column, param);
  return listEvents(db, { taskId }, audience, limit, beforeId);
}
