import {
  addDays,
  nextReportCycleStart,
  obligors,
  reportCycleStart,
  searchWords,
  todayInVietnam,
  type AcceptanceQueueQuery,
  type AgreementReporting,
  type AgreementTaskListQuery,
  type TaskList,
  type UnitTaskListQuery,
} from '@accord/domain';
import type { Db, Queryable } from '../../db/pool.js';
import { loadSubtreeWithPredecessors, subtreeFor } from '../access/access.repository.js';
import { loadAgreementAccess, viewerSide } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor.js';
import * as repo from './task.repository.js';
import { presentTask } from './task.service.js';

type Filters = AgreementTaskListQuery | UnitTaskListQuery;

/** A task as a list shows it: flagged overdue, as its status says. */
const listed = <T extends { status: string }>(t: T) => ({ ...t, overdue: t.status === 'overdue' });

/** Where a page starts: after the place `q.after` names, in the list's order (400 when it names none). */
function afterOf(q: { after?: string | undefined }, f: Parameters<typeof repo.listOrderOf>[0]) {
  return q.after === undefined ? {} : { after: decodeTaskCursor(q.after, repo.listOrderOf(f)) };
}

function baseFilter(q: Filters): Omit<repo.TaskListFilter, 'agreementId' | 'viewer' | 'leadUnits'> {
  return {
    ...afterOf(q, { sort: q.sort, order: q.order }),
    areaId: 'areaId' in q ? q.areaId : undefined,
    statuses: q.status,
    overdue: q.overdue,
    stale: q.stale,
    obligor: q.obligor,
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
export async function agreementTaskFilter(
  db: Queryable,
  agreementId: string,
  q: AgreementTaskListQuery,
  viewer?: Viewer,
): Promise<repo.TaskListFilter> {
  return {
    ...baseFilter(q),
    agreementId,
    viewer: null,
    leadUnits: q.leadUnitId
      ? [...(await (viewer ? subtreeFor(db, viewer, q.leadUnitId) : loadSubtreeWithPredecessors(db, q.leadUnitId)))]
      : null,
  };
}

/** One agreement's tasks as a flat list: filtered, sorted and paged on the server. */
export async function listAgreementTasks(db: Db, viewer: Viewer, agreementId: string, q: AgreementTaskListQuery): Promise<TaskList> {
  const { side } = await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const { items, total, totalCapped, next } = await repo.listTaskPage(db, await agreementTaskFilter(db, agreementId, q, viewer));
  const today = todayInVietnam();
  return {
    items: items.map((t) => listed(presentTask(viewer, side, t, today))),
    total,
    totalCapped,
    page: q.page,
    pageSize: q.pageSize,
    next: next && encodeTaskCursor(next),
  };
}

/** The filter behind GET /api/tasks: a unit's tasks in every agreement the viewer may read. */
export async function unitTaskFilter(db: Queryable, viewer: Viewer, q: UnitTaskListQuery): Promise<repo.TaskListFilter> {
  return {
    ...baseFilter(q),
    agreementId: null,
    viewer,
    leadUnits: q.leadUnitId ? [...(await subtreeFor(db, viewer, q.leadUnitId))] : [...viewer.down],
  };
}

/** One page of tasks from many agreements, each shown as the viewer's side of its agreement sees it. */
async function pageAcrossAgreements(
  db: Db,
  viewer: Viewer,
  filter: repo.TaskListFilter,
  q: { page: number; pageSize: number },
): Promise<TaskList> {
  // Each row comes with its agreement's parties (filter.agreementId is null): no second read.
  const { items, total, totalCapped, next } = await repo.listTaskPage(db, filter);
  const today = todayInVietnam();
  return {
    items: items.map(({ agreementParties, ...t }) => listed(presentTask(viewer, viewerSide(viewer, agreementParties ?? []), t, today))),
    total,
    totalCapped,
    page: q.page,
    pageSize: q.pageSize,
    next: next && encodeTaskCursor(next),
  };
}

export async function listUnitTasks(db: Db, viewer: Viewer, q: UnitTaskListQuery): Promise<TaskList> {
  return pageAcrossAgreements(db, viewer, await unitTaskFilter(db, viewer, q), q);
}

/**
 * The filter behind GET /api/acceptance: products waiting for acceptance in the agreements the
 * viewer's organisation (or one it took over) is a party to — for the viewer's side to accept, or
 * delivered by it and waiting for the other side.
 */
export function acceptanceQueueFilter(viewer: Viewer, q: AcceptanceQueueQuery): repo.TaskListFilter {
  const awaiting = { side: viewer.user.organisation.side, by: q.waiting === 'mine' ? ('otherSide' as const) : ('thisSide' as const) };
  return {
    ...afterOf(q, { sort: q.sort, order: q.order, awaiting }),
    agreementId: null,
    viewer,
    leadUnits: null,
    areaId: undefined,
    statuses: undefined,
    overdue: undefined,
    dueFrom: undefined,
    dueTo: undefined,
    words: searchWords(q.q),
    sort: q.sort,
    order: q.order,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
    awaiting,
    partyOf: [...viewer.reach],
  };
}

export async function listAcceptanceQueue(db: Db, viewer: Viewer, q: AcceptanceQueueQuery): Promise<TaskList> {
  return pageAcrossAgreements(db, viewer, acceptanceQueueFilter(viewer, q), q);
}

/**
 * GET /api/agreements/:id/reporting: the current reporting cycle of the agreement and each lead
 * unit's tasks under way, with those not reported in this cycle. Every reader of the agreement
 * sees the same counts: they are worked out from reports shared with both sides only.
 */
export async function agreementReporting(db: Db, viewer: Viewer, agreementId: string): Promise<AgreementReporting> {
  await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const today = todayInVietnam();
  const { cadence, units, byObligor } = await repo.unitReporting(db, agreementId);
  const none = { total: 0, owing: 0, overdue: 0, delivered: 0, completedOnTime: 0, completedLate: 0, stopped: 0 };
  return {
    byObligor: obligors.map((obligor) => ({ ...none, ...byObligor.find((b) => b.obligor === obligor), obligor })),
    cadence,
    cycleStart: reportCycleStart(cadence, today),
    cycleEnd: addDays(nextReportCycleStart(cadence, today), -1),
    units,
    underway: units.reduce((n, u) => n + u.underway, 0),
    stale: units.reduce((n, u) => n + u.stale, 0),
  };
}
