import {
  AppError,
  MAX_TASK_DEPTH,
  datesInOrder,
  invalidField,
  isMoveIntoOwnSubtree,
  type Side,
  type Task,
  type TaskCreateInput,
  type TaskMoveInput,
  type TaskUpdateInput,
} from '@accord/domain';
import { withChange, type Change, type Target } from '../../change/change.js';
import type { Db, Queryable } from '../../db/pool.js';
import {
  authorizeTask,
  loadAgreementAccess,
  notFound,
  taskPermissions,
  type AgreementAccess,
  type TaskFacts,
} from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import { findOrganisations } from '../organisations/organisation.repository.js';
import { findArea } from '../plan/plan.repository.js';
import * as repo from './task.repository.js';

type TaskRow = repo.TaskRow;

const taskNotFound = () => notFound('TASK_NOT_FOUND', 'The task');
const factsOf = (t: { obligor: TaskRow['obligor']; leadUnit: TaskRow['leadUnit'] }): TaskFacts => ({
  obligor: t.obligor,
  leadUnitId: t.leadUnit?.id ?? null,
});

/** A task as the API shows it to this viewer: with what they may do to it. */
export function presentTask<T extends TaskRow>(viewer: Viewer, side: Side | null, t: T): Omit<T, 'depth'> & Pick<Task, 'allowed'> {
  const { depth: _d, ...task } = t;
  return { ...task, ...taskPermissions(viewer, side, factsOf(t)) };
}

/** A task about to be changed by `operation`: its agreement held (shared), the task locked, shown as GET shows it. */
function taskTarget(
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  operation: 'task.update' | 'task.move' | 'task.delete',
): Target<TaskRow, AgreementAccess> {
  let access: AgreementAccess;
  return {
    load: async (tx) => {
      access = await loadAgreementAccess(tx, viewer, agreementId, 'agreement.read', { lock: 'share' });
      return repo.findTask(tx, agreementId, taskId, { forUpdate: true });
    },
    notFound: taskNotFound,
    authorize: (t) => {
      authorizeTask(viewer, access.side, factsOf(t), operation);
      return access;
    },
    present: (t) => presentTask(viewer, access.side, t),
  };
}

async function checkUnits(db: Queryable, leadUnitId: string | null | undefined, coordinatorIds: string[] | undefined) {
  const ids = [...new Set([...(leadUnitId ? [leadUnitId] : []), ...(coordinatorIds ?? [])])];
  if (ids.length === 0) return;
  const found = new Set((await findOrganisations(db, ids)).map((o) => o.id));
  if (leadUnitId && !found.has(leadUnitId)) throw invalidField('leadUnitId', 'unknownOrganisation');
  coordinatorIds?.forEach((id, i) => {
    if (!found.has(id)) throw invalidField(`coordinatingUnitIds.${i}`, 'unknownOrganisation');
  });
}

/**
 * Where a task goes: an area of this agreement (locked, so positions in it are handed out one at
 * a time) and, for a sub-task, a parent in that area that the viewer may add sub-tasks under.
 */
async function resolvePlace(change: Change, access: AgreementAccess, agreementId: string, areaId: string, parentId: string | null) {
  const area = await findArea(change.tx, agreementId, areaId, { forUpdate: true });
  if (!area) throw invalidField('areaId', 'notAreaOfAgreement');
  if (!parentId) return { area, depth: 0 };
  const parent = await repo.findTask(change.tx, agreementId, parentId);
  if (!parent) throw invalidField('parentId', 'notTaskOfAgreement');
  if (parent.areaId !== area.id) throw invalidField('parentId', 'parentInOtherArea');
  authorizeTask(change.viewer, access.side, factsOf(parent), 'task.addSubtask');
  return { area, depth: parent.depth + 1 };
}

export async function getTask(db: Db, viewer: Viewer, agreementId: string, taskId: string): Promise<Task> {
  const { side } = await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const task = await repo.findTask(db, agreementId, taskId);
  if (!task) throw taskNotFound();
  return presentTask(viewer, side, task);
}

export async function createTask(db: Db, viewer: Viewer, agreementId: string, input: TaskCreateInput): Promise<Task> {
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const access = await loadAgreementAccess(tx, viewer, agreementId, 'agreement.read', { lock: 'share' });
    authorizeTask(viewer, access.side, { obligor: input.obligor, leadUnitId: input.leadUnitId ?? null }, 'task.create');
    const { area, depth } = await resolvePlace(change, access, agreementId, input.areaId, input.parentId ?? null);
    if (depth >= MAX_TASK_DEPTH) throw invalidField('parentId', 'tooDeep');
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
        decidedBy: input.decidedBy ?? null,
        status: input.status,
      },
    );
    const created = (await repo.findTask(tx, agreementId, id)) as TaskRow;
    await change.record('task', { action: 'create', entityId: id, agreementId, title: created.title, before: null, after: created });
    return presentTask(viewer, access.side, created);
  });
}

export async function updateTask(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  version: number,
  input: TaskUpdateInput,
): Promise<Task> {
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const { row: before, access } = await change.open(taskTarget(viewer, agreementId, taskId, 'task.update'), version);
    // A unit officer edits the work, not who owes it: moving a task to another side needs a coordinator.
    const changesOwnership =
      (input.obligor !== undefined && input.obligor !== before.obligor) ||
      (input.leadUnitId !== undefined && input.leadUnitId !== (before.leadUnit?.id ?? null));
    if (changesOwnership) {
      const target = {
        obligor: input.obligor ?? before.obligor,
        leadUnitId: input.leadUnitId === undefined ? (before.leadUnit?.id ?? null) : input.leadUnitId,
      };
      authorizeTask(viewer, access.side, factsOf(before), 'task.move');
      authorizeTask(viewer, access.side, target, 'task.move');
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
      decidedBy: pick('decidedBy'),
      status: pick('status'),
    };
    // The dates as they will be after the edit: one sent, the other kept.
    if (!datesInOrder(write.startDate, write.dueDate)) throw invalidField('dueDate', 'dueBeforeStart');
    await repo.updateTask(tx, taskId, write, input.coordinatingUnitIds !== undefined);
    const after = (await repo.findTask(tx, agreementId, taskId)) as TaskRow;
    await change.record('task', { action: 'update', entityId: taskId, agreementId, title: after.title, before, after });
    return presentTask(viewer, access.side, after);
  });
}

/**
 * Moves a task with its sub-tasks. The viewer must be allowed to move the task and each
 * sub-task that follows it, and to add sub-tasks under the new parent; every task whose place
 * changes gets a history event.
 */
export async function moveTask(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  version: number,
  input: TaskMoveInput,
): Promise<Task> {
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const { row: before, access } = await change.open(taskTarget(viewer, agreementId, taskId, 'task.move'), version);
    if (input.areaId !== before.areaId) {
      // The area it leaves is renumbered too: locked like the one it enters.
      await findArea(tx, agreementId, before.areaId, { forUpdate: true });
    }
    const { area, depth } = await resolvePlace(change, access, agreementId, input.areaId, input.parentId);
    if (input.parentId && isMoveIntoOwnSubtree(taskId, await repo.ancestorIds(tx, input.parentId))) {
      throw new AppError('INVALID_MOVE', 'A task cannot move under itself or one of its own sub-tasks.');
    }
    if (depth + (await repo.subtreeHeight(tx, taskId)) >= MAX_TASK_DEPTH) {
      throw new AppError('INVALID_MOVE', `Sub-tasks go at most ${MAX_TASK_DEPTH} levels deep.`);
    }
    const below = await repo.findSubtree(tx, agreementId, taskId);
    for (const t of below) authorizeTask(viewer, access.side, factsOf(t), 'task.move');
    await repo.moveTask(tx, before, { areaId: area.id, parentId: input.parentId, position: input.position, depth });
    const after = (await repo.findTask(tx, agreementId, taskId)) as TaskRow;
    await change.record('task', { action: 'move', entityId: taskId, agreementId, title: after.title, before, after });
    const moved = new Map((await repo.findSubtree(tx, agreementId, taskId)).map((t) => [t.id, t]));
    for (const t of below) {
      const now = moved.get(t.id);
      if (now && (now.areaId !== t.areaId || now.depth !== t.depth)) {
        await change.record('task', {
          action: 'move',
          entityId: t.id,
          agreementId,
          title: t.title,
          before: t,
          after: now,
          causeId: taskId,
        });
      }
    }
    return presentTask(viewer, access.side, after);
  });
}

/** Deletes a task and its sub-tasks; the viewer must be allowed to delete each one, and each gets a history event. */
export async function deleteTask(db: Db, viewer: Viewer, agreementId: string, taskId: string, version: number): Promise<void> {
  await withChange(db, viewer, async (change) => {
    const { tx } = change;
    const { row: before, access } = await change.open(taskTarget(viewer, agreementId, taskId, 'task.delete'), version);
    await findArea(tx, agreementId, before.areaId, { forUpdate: true });
    await deleteTasksAlong(change, access, agreementId, await repo.findSubtree(tx, agreementId, taskId), taskId);
    await repo.softDeleteTasks(tx, [taskId]);
    await repo.closeGap(tx, before);
    await change.record('task', { action: 'delete', entityId: taskId, agreementId, title: before.title, before, after: null });
  });
}

/**
 * Deletes the tasks a deletion takes with it (those below a task, or in an area): first checks
 * that the viewer may delete every one of them, then deletes them, each with its history event
 * naming `causeId`, the record whose deletion took them along.
 */
export async function deleteTasksAlong(
  change: Change,
  access: AgreementAccess,
  agreementId: string,
  tasks: TaskRow[],
  causeId: string,
): Promise<void> {
  for (const t of tasks) authorizeTask(change.viewer, access.side, factsOf(t), 'task.delete');
  await repo.softDeleteTasks(
    change.tx,
    tasks.map((t) => t.id),
  );
  for (const t of tasks) {
    await change.record('task', { action: 'delete', entityId: t.id, agreementId, title: t.title, before: t, after: null, causeId });
  }
}
