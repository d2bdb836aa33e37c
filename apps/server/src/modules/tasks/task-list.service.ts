import { searchWords, type SessionUser, type TaskList, type UnitTaskListQuery, type AgreementTaskListQuery } from '@accord/domain';
import type { Db } from '../../db/pool.js';
import { loadSubtreeWithPredecessors } from '../access/access.repository.js';
import { loadViewer, viewerSide, type Viewer } from '../access/viewer.js';
import { authorizeAgreementAccess } from '../agreements/agreement.service.js';
import { withPermissions } from '../plan/plan.service.js';
import * as repo from './task-list.repository.js';

type Filters = AgreementTaskListQuery | UnitTaskListQuery;

function baseFilter(q: Filters): Omit<repo.TaskListFilter, 'agreementId' | 'visibleTo' | 'leadUnits'> {
  return {
    areaId: 'areaId' in q ? q.areaId : undefined,
    statuses: q.status,
    overdue: q.overdue,
    dueFrom: q.dueFrom,
    dueTo: q.dueTo,
    words: searchWords(q.q),
    sort: q.sort,
    order: q.order,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  };
}

/** The filter behind GET /api/agreements/:id/tasks, once the agreement is known to be readable. */
export async function agreementTaskFilter(db: Db, agreementId: string, q: AgreementTaskListQuery): Promise<repo.TaskListFilter> {
  return {
    ...baseFilter(q),
    agreementId,
    visibleTo: null,
    leadUnits: q.leadUnitId ? await loadSubtreeWithPredecessors(db, q.leadUnitId) : null,
  };
}

/** One agreement's tasks as a flat list: filtered, sorted and paged on the server. */
export async function listAgreementTasks(db: Db, user: SessionUser, agreementId: string, q: AgreementTaskListQuery): Promise<TaskList> {
  const viewer = await loadViewer(db, user);
  const { side } = await authorizeAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const { items, total } = await repo.listTaskPage(db, await agreementTaskFilter(db, agreementId, q));
  return { items: items.map((t) => withPermissions(viewer, side, t)), total, page: q.page, pageSize: q.pageSize };
}

/** The filter behind GET /api/tasks: a unit's tasks in every agreement the viewer may read. */
export async function unitTaskFilter(db: Db, viewer: Viewer, q: UnitTaskListQuery): Promise<repo.TaskListFilter> {
  return {
    ...baseFilter(q),
    agreementId: null,
    visibleTo: viewer.readsEverything ? null : [...viewer.reach],
    leadUnits: q.leadUnitId ? await loadSubtreeWithPredecessors(db, q.leadUnitId) : [...viewer.down],
  };
}

export async function listUnitTasks(db: Db, user: SessionUser, q: UnitTaskListQuery): Promise<TaskList> {
  const viewer = await loadViewer(db, user);
  const { items, total } = await repo.listTaskPage(db, await unitTaskFilter(db, viewer, q));
  const parties = await repo.partiesOf(db, [...new Set(items.map((t) => t.agreementId))]);
  return {
    items: items.map((t) => withPermissions(viewer, viewerSide(viewer, parties.get(t.agreementId) ?? []), t)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
