import {
  AppError,
  fieldIssues,
  MAX_TASK_DEPTH,
  buildTaskTree,
  can,
  isMoveIntoOwnSubtree,
  relationToTask,
  type Area,
  type AreaCreateInput,
  type AreaUpdateInput,
  type AuditEvent,
  type Plan,
  type SessionUser,
  type Side,
  type Task,
  type TaskCreateInput,
  type TaskMoveInput,
  type TaskUpdateInput,
} from '@accord/domain';
import { withTransaction, type Db, type Queryable } from '../../db/pool.js';
import { authorizeTask, loadViewer, type Viewer } from '../access/viewer.js';
import { authorizeAgreementAccess } from '../agreements/agreement.service.js';
import { listEvents, recordEvent } from '../history/history.repository.js';
import { findOrganisations } from '../organisations/organisation.repository.js';
import * as repo from './plan.repository.js';

type TaskRow = NonNullable<Awaited<ReturnType<typeof repo.findTask>>>;

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field} ${message}`, { issues: [{ field, message }] });
}
const areaNotFound = () => new AppError('AREA_NOT_FOUND', 'The cooperation area was not found.');
const taskNotFound = () => new AppError('TASK_NOT_FOUND', 'The task was not found.');
const taskConflict = (current: unknown) =>
  new AppError('VERSION_CONFLICT', 'Someone else changed this task since you opened it. Their version is shown; apply your change again.', {
    current,
  });

/** A task as the API shows it to this viewer: with what they may do to it. */
export function withPermissions<T extends TaskRow>(
  viewer: Viewer,
  side: Side | null,
  t: T,
): Omit<T, 'depth'> & Pick<Task, 'canEdit' | 'canManage'> {
  const { depth: _d, ...task } = t;
  const ctx = { relation: relationToTask(side, t.obligor), isLeadUnit: t.leadUnit !== null && viewer.down.has(t.leadUnit.id) };
  return { ...task, canEdit: can(viewer.user, 'task.update', ctx), canManage: can(viewer.user, 'task.move', ctx) };
}

/** The 412 with the task in the same shape as GET returns it. */
function withPermissionsConflict(viewer: Viewer, side: Side | null, task: TaskRow): AppError {
  return taskConflict(withPermissions(viewer, side, task));
}

function taskSnapshot(t: TaskRow) {
  const { version: _v, updatedAt: _u, depth: _d, leadUnit, coordinatingUnits, ...rest } = t;
  return { ...rest, leadUnit: leadUnit?.name ?? null, coordinatingUnits: coordinatingUnits.map((u) => u.name) };
}

export async function getPlan(db: Db, user: SessionUser, agreementId: string): Promise<Plan> {
  const viewer = await loadViewer(db, user);
  const { side } = await authorizeAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const [areas, tasks] = await Promise.all([repo.listAreas(db, agreementId), repo.listTasks(db, agreementId)]);
  const trees = buildTaskTree(tasks.map((t) => withPermissions(viewer, side, t)));
  return { agreementId, areas: areas.map((a) => ({ ...a, tasks: trees.get(a.id) ?? [] })) };
}

// ---- areas ----

export async function createArea(db: Db, user: SessionUser, agreementId: string, input: AreaCreateInput): Promise<Area> {
  const viewer = await loadViewer(db, user);
  return withTransaction(db, async (tx) => {
    await authorizeAgreementAccess(tx, viewer, agreementId, 'area.write', true);
    const area = await repo.insertArea(tx, agreementId, {
      theme: input.theme ?? null,
      title: input.title,
      description: input.description ?? null,
    });
    await recordEvent(tx, {
      actorId: user.id,
      action: 'create',
      entityType: 'area',
      entityId: area.id,
      agreementId,
      entityTitle: area.title,
      before: null,
      after: area,
    });
    return area;
  });
}

export async function updateArea(
  db: Db,
  user: SessionUser,
  agreementId: string,
  areaId: string,
  version: number,
  input: AreaUpdateInput,
): Promise<Area> {
  const viewer = await loadViewer(db, user);
  return withTransaction(db, async (tx) => {
    await authorizeAgreementAccess(tx, viewer, agreementId, 'area.write');
    const before = await repo.findArea(tx, agreementId, areaId);
    if (!before) throw areaNotFound();
    const after = await repo.updateArea(tx, areaId, version, {
      theme: input.theme === undefined ? before.theme : input.theme,
      title: input.title ?? before.title,
      description: input.description === undefined ? before.description : input.description,
      position: input.position ?? before.position,
    });
    if (!after) throw new AppError('VERSION_CONFLICT', 'Someone else changed this area. Their version is shown.', { current: before });
    await recordEvent(tx, {
      actorId: user.id,
      action: 'update',
      entityType: 'area',
      entityId: areaId,
      agreementId,
      entityTitle: after.title,
      before,
      after,
    });
    return after;
  });
}

export async function deleteArea(db: Db, user: SessionUser, agreementId: string, areaId: string, version: number): Promise<void> {
  const viewer = await loadViewer(db, user);
  await withTransaction(db, async (tx) => {
    await authorizeAgreementAccess(tx, viewer, agreementId, 'area.write');
    const before = await repo.findArea(tx, agreementId, areaId);
    if (!before) throw areaNotFound();
    if (!(await repo.softDeleteArea(tx, areaId, version)))
      throw new AppError('VERSION_CONFLICT', 'Someone else changed this area. Their version is shown.', { current: before });
    await recordEvent(tx, {
      actorId: user.id,
      action: 'delete',
      entityType: 'area',
      entityId: areaId,
      agreementId,
      entityTitle: before.title,
      before,
      after: null,
    });
  });
}

// ---- tasks ----

async function checkUnits(db: Queryable, leadUnitId: string | null | undefined, coordinatorIds: string[] | undefined) {
  const ids = [...new Set([...(leadUnitId ? [leadUnitId] : []), ...(coordinatorIds ?? [])])];
  if (ids.length === 0) return;
  const found = new Set((await findOrganisations(db, ids)).map((o) => o.id));
  if (leadUnitId && !found.has(leadUnitId)) throw invalid('leadUnitId', fieldIssues.unknownOrganisation);
  coordinatorIds?.forEach((id, i) => {
    if (!found.has(id)) throw invalid(`coordinatingUnitIds.${i}`, fieldIssues.unknownOrganisation);
  });
}

/** Where a task goes: an area of this agreement and, for a sub-task, a parent in that area; its depth. */
async function resolvePlace(tx: Queryable, agreementId: string, areaId: string, parentId: string | null) {
  const area = await repo.findArea(tx, agreementId, areaId);
  if (!area) throw invalid('areaId', fieldIssues.notAreaOfAgreement);
  if (!parentId) return { area, depth: 0 };
  const parent = await repo.findTask(tx, agreementId, parentId);
  if (!parent) throw invalid('parentId', fieldIssues.notTaskOfAgreement);
  if (parent.areaId !== area.id) throw invalid('parentId', fieldIssues.parentInOtherArea);
  return { area, depth: parent.depth + 1 };
}

async function loadTaskFor(
  tx: Queryable,
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  operation: 'agreement.read' | 'task.update' | 'task.move' | 'task.delete',
  { forUpdate = false, includeDeleted = false } = {},
) {
  const { side } = await authorizeAgreementAccess(tx, viewer, agreementId, 'agreement.read');
  const task = await repo.findTask(tx, agreementId, taskId, { forUpdate, includeDeleted });
  if (!task) throw taskNotFound();
  if (operation !== 'agreement.read')
    authorizeTask(viewer, side, { obligor: task.obligor, leadUnitId: task.leadUnit?.id ?? null }, operation);
  return { task, side };
}

export async function getTask(db: Db, user: SessionUser, agreementId: string, taskId: string): Promise<Task> {
  const viewer = await loadViewer(db, user);
  const { task, side } = await loadTaskFor(db, viewer, agreementId, taskId, 'agreement.read');
  return withPermissions(viewer, side, task);
}

export async function createTask(db: Db, user: SessionUser, agreementId: string, input: TaskCreateInput): Promise<Task> {
  const viewer = await loadViewer(db, user);
  return withTransaction(db, async (tx) => {
    const { side } = await authorizeAgreementAccess(tx, viewer, agreementId, 'agreement.read', true);
    authorizeTask(viewer, side, { obligor: input.obligor, leadUnitId: input.leadUnitId ?? null }, 'task.create');
    const { area, depth } = await resolvePlace(tx, agreementId, input.areaId, input.parentId ?? null);
    if (depth >= MAX_TASK_DEPTH) throw invalid('parentId', fieldIssues.tooDeep);
    await checkUnits(tx, input.leadUnitId, input.coordinatingUnitIds);
    const id = await repo.insertTask(
      tx,
      { agreementId, areaId: area.id, parentId: input.parentId ?? null, depth },
      {
        code: input.code ?? null,
        title: input.title,
        description: input.description ?? null,
        obligor: input.obligor,
        leadUnitId: input.leadUnitId ?? null,
        coordinatingUnitIds: input.coordinatingUnitIds,
        responsiblePerson: input.responsiblePerson ?? null,
        startDate: input.startDate ?? null,
        dueDate: input.dueDate ?? null,
        expectedProduct: input.expectedProduct ?? null,
        status: input.status,
      },
    );
    const created = (await repo.findTask(tx, agreementId, id)) as TaskRow;
    await recordEvent(tx, {
      actorId: user.id,
      action: 'create',
      entityType: 'task',
      entityId: id,
      agreementId,
      entityTitle: created.title,
      before: null,
      after: taskSnapshot(created),
    });
    return withPermissions(viewer, side, created);
  });
}

export async function updateTask(
  db: Db,
  user: SessionUser,
  agreementId: string,
  taskId: string,
  version: number,
  input: TaskUpdateInput,
): Promise<Task> {
  const viewer = await loadViewer(db, user);
  return withTransaction(db, async (tx) => {
    const { task: before, side } = await loadTaskFor(tx, viewer, agreementId, taskId, 'task.update', { forUpdate: true });
    if (before.version !== version) throw withPermissionsConflict(viewer, side, before);
    // A unit officer edits the work, not who owes it: moving a task to another side needs a coordinator.
    const changesOwnership =
      (input.obligor !== undefined && input.obligor !== before.obligor) ||
      (input.leadUnitId !== undefined && input.leadUnitId !== (before.leadUnit?.id ?? null));
    if (changesOwnership) {
      const target = {
        obligor: input.obligor ?? before.obligor,
        leadUnitId: input.leadUnitId === undefined ? (before.leadUnit?.id ?? null) : input.leadUnitId,
      };
      authorizeTask(viewer, side, { obligor: before.obligor, leadUnitId: before.leadUnit?.id ?? null }, 'task.move');
      authorizeTask(viewer, side, target, 'task.move');
    }
    await checkUnits(tx, input.leadUnitId, input.coordinatingUnitIds);
    const pick = <K extends keyof TaskUpdateInput & keyof TaskRow>(k: K) => (input[k] === undefined ? before[k] : input[k]) as TaskRow[K];
    const write: repo.TaskWrite = {
      code: pick('code'),
      title: pick('title'),
      description: pick('description'),
      obligor: pick('obligor'),
      leadUnitId: input.leadUnitId === undefined ? (before.leadUnit?.id ?? null) : input.leadUnitId,
      coordinatingUnitIds: input.coordinatingUnitIds ?? before.coordinatingUnits.map((u) => u.id),
      responsiblePerson: pick('responsiblePerson'),
      startDate: pick('startDate'),
      dueDate: pick('dueDate'),
      expectedProduct: pick('expectedProduct'),
      status: pick('status'),
    };
    if (write.startDate && write.dueDate && write.dueDate < write.startDate) throw invalid('dueDate', fieldIssues.dueBeforeStart);
    if (!(await repo.updateTask(tx, taskId, version, write, input.coordinatingUnitIds !== undefined)))
      throw withPermissionsConflict(viewer, side, before);
    const after = (await repo.findTask(tx, agreementId, taskId)) as TaskRow;
    await recordEvent(tx, {
      actorId: user.id,
      action: 'update',
      entityType: 'task',
      entityId: taskId,
      agreementId,
      entityTitle: after.title,
      before: taskSnapshot(before),
      after: taskSnapshot(after),
    });
    return withPermissions(viewer, side, after);
  });
}

export async function moveTask(
  db: Db,
  user: SessionUser,
  agreementId: string,
  taskId: string,
  version: number,
  input: TaskMoveInput,
): Promise<Task> {
  const viewer = await loadViewer(db, user);
  return withTransaction(db, async (tx) => {
    const { task: before, side } = await loadTaskFor(tx, viewer, agreementId, taskId, 'task.move', { forUpdate: true });
    if (before.version !== version) throw withPermissionsConflict(viewer, side, before);
    const { area, depth } = await resolvePlace(tx, agreementId, input.areaId, input.parentId);
    if (input.parentId && isMoveIntoOwnSubtree(taskId, await repo.ancestorIds(tx, input.parentId))) {
      throw new AppError('INVALID_MOVE', 'A task cannot move under itself or one of its own sub-tasks.');
    }
    if (depth + (await repo.subtreeHeight(tx, taskId)) >= MAX_TASK_DEPTH) {
      throw new AppError('INVALID_MOVE', `Sub-tasks go at most ${MAX_TASK_DEPTH} levels deep.`);
    }
    const moved = await repo.moveTask(tx, before, { areaId: area.id, parentId: input.parentId, position: input.position, depth });
    if (!moved) throw withPermissionsConflict(viewer, side, before);
    const after = (await repo.findTask(tx, agreementId, taskId)) as TaskRow;
    await recordEvent(tx, {
      actorId: user.id,
      action: 'move',
      entityType: 'task',
      entityId: taskId,
      agreementId,
      entityTitle: after.title,
      before: { areaId: before.areaId, parentId: before.parentId, position: before.position },
      after: { areaId: after.areaId, parentId: after.parentId, position: after.position },
    });
    return withPermissions(viewer, side, after);
  });
}

export async function deleteTask(db: Db, user: SessionUser, agreementId: string, taskId: string, version: number): Promise<void> {
  const viewer = await loadViewer(db, user);
  await withTransaction(db, async (tx) => {
    const { task: before, side } = await loadTaskFor(tx, viewer, agreementId, taskId, 'task.delete', { forUpdate: true });
    if (!(await repo.softDeleteTask(tx, taskId, version))) throw withPermissionsConflict(viewer, side, before);
    await repo.closeGap(tx, before);
    await recordEvent(tx, {
      actorId: user.id,
      action: 'delete',
      entityType: 'task',
      entityId: taskId,
      agreementId,
      entityTitle: before.title,
      before: taskSnapshot(before),
      after: null,
    });
  });
}

export async function taskHistory(
  db: Db,
  user: SessionUser,
  agreementId: string,
  taskId: string,
  limit: number,
  beforeId?: number,
): Promise<AuditEvent[]> {
  const viewer = await loadViewer(db, user);
  // The history of a deleted task stays readable: that is where its deletion is recorded.
  await loadTaskFor(db, viewer, agreementId, taskId, 'agreement.read', { includeDeleted: true });
  return listEvents(db, { entityId: taskId }, limit, beforeId);
}
