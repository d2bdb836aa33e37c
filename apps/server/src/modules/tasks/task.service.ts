import {
  AppError,
  MAX_TASK_DEPTH,
  checkClarity,
  datesInOrder,
  invalidField,
  isMoveIntoOwnSubtree,
  deriveStatus,
  isStale,
  needsStateReason,
  rollUpProgress,
  todayInVietnam,
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
  awaitsAcceptance,
  isDeliverable,
  loadAgreementAccess,
  notFound,
  taskPermissions,
  type AgreementAccess,
  type TaskFacts,
} from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import { checksAuthority } from '../agreements/agreement.repository.js';
import { findOrganisations } from '../organisations/organisation.repository.js';
import { findArea } from '../plan/plan.repository.js';
import { addEntry, momentOf } from '../thread/entries.js';
import * as repo from './task.repository.js';

export type TaskRow = repo.TaskRow;

const taskNotFound = () => notFound('TASK_NOT_FOUND', 'The task');
const factsOf = (t: {
  obligor: TaskRow['obligor'];
  leadUnit: TaskRow['leadUnit'];
  deliveredBySide?: TaskRow['deliveredBySide'];
}): TaskFacts => ({
  obligor: t.obligor,
  leadUnitId: t.leadUnit?.id ?? null,
  deliveredBySide: t.deliveredBySide ?? null,
});

/** A task as the API shows it to this viewer: with what they may do to it. */
export function presentTask<T extends TaskRow>(
  viewer: Viewer,
  side: Side | null,
  t: T,
  /** The day the status is of: one for every task of an answer, so that a plan sent at midnight is of one day. */
  today: string = todayInVietnam(),
): Omit<T, 'depth' | 'atRiskDays' | 'progressMargin' | 'reportCadence'> & Pick<Task, 'allowed' | 'status' | 'stale'> {
  const { depth: _d, atRiskDays, progressMargin, reportCadence, ...task } = t;
  const status = deriveStatus(
    {
      state: t.state,
      progress: t.progress,
      startDate: t.startDate,
      dueDate: t.dueDate,
      deliveredOn: t.deliveredOn,
      acceptedOn: t.acceptedOn,
      started: t.startedOn !== null,
    },
    today,
    { atRiskDays, progressMargin },
  );
  const stale = isStale(
    {
      state: t.state,
      deliveredOn: t.deliveredOn,
      startedOn: t.startedOn,
      lastReportedOn: t.lastReportedAt === null ? null : todayInVietnam(new Date(t.lastReportedAt)),
    },
    reportCadence,
    today,
  );
  const facts = {
    obligor: t.obligor,
    leadUnitId: t.leadUnit?.id ?? null,
    deliveredBySide: t.deliveredBySide,
    state: t.state,
    deliveredOn: t.deliveredOn,
    acceptedOn: t.acceptedOn,
    deliveredVersion: t.deliveredVersion,
    version: t.version,
  };
  return { ...task, status, stale, ...taskPermissions(viewer, side, facts) };
}

/** A task about to be changed by `operation` (or added to: an entry of its thread): its agreement held (shared), the task locked, shown as GET shows it. */
export function taskTarget(
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  operation:
    | 'task.update'
    | 'task.move'
    | 'task.delete'
    | 'task.deliver'
    | 'task.review'
    | 'task.waive'
    | 'entry.report'
    | 'entry.comment'
    | 'entry.direct',
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

/**
 * Rolls progress up the tree `taskId` is in, after a change of it or below it: every task whose
 * rolled-up progress moves is written, with a history event naming `causeId`, the task whose
 * change moved it. The tree's top is locked first, so concurrent reports under one parent are
 * rolled up one after the other.
 */
export async function rollUp(change: Change, agreementId: string, taskId: string, causeId: string): Promise<void> {
  const { tx } = change;
  const top = await repo.lockTreeTop(tx, taskId);
  const rows = await repo.progressTree(tx, top);
  const stored = new Map(rows.map((r) => [r.id, r.progress]));
  const moved = new Map([...rollUpProgress(rows)].filter(([id, value]) => stored.get(id) !== value));
  if (moved.size === 0) return;
  const before = await Promise.all([...moved.keys()].map((id) => repo.findTask(tx, agreementId, id)));
  await repo.writeProgress(tx, moved);
  for (const b of before) {
    if (!b) continue;
    const after = (await repo.findTask(tx, agreementId, b.id)) as TaskRow;
    await change.record('task', { action: 'update', entityId: b.id, agreementId, title: b.title, before: b, after, causeId });
  }
}

/** The day a task started: kept once set, set today when its progress first moves above 0. */
const startedOn = (current: string | null, progress: number) => current ?? (progress > 0 ? todayInVietnam() : null);

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
        state: input.state,
        stateReason: input.state === 'open' ? (input.stateReason ?? null) : (input.stateReason as string),
        progress: input.progress,
        weight: input.weight,
        startedOn: startedOn(null, input.progress),
      },
    );
    const created = (await repo.findTask(tx, agreementId, id)) as TaskRow;
    await change.record('task', { action: 'create', entityId: id, agreementId, title: created.title, before: null, after: created });
    // A new sub-task counts in its parent's progress from now on.
    if (input.parentId) await rollUp(change, agreementId, id, id);
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
    const { row: before, access } = await change.open(taskTarget(viewer, agreementId, taskId, 'task.update'), version);
    return presentTask(viewer, access.side, await applyTaskUpdate(change, access, before, input));
  });
}

/**
 * Applies an edit to a task opened (locked, authorized) in `change`: the further checks its
 * fields need, the write, its history event and the roll-up. The one way a task's fields change,
 * from its form and from a progress report in its thread.
 */
export async function applyTaskUpdate(change: Change, access: AgreementAccess, before: TaskRow, input: TaskUpdateInput): Promise<TaskRow> {
  const { tx, viewer } = change;
  const { agreementId, id: taskId } = before;
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
  // Nor does a unit officer cancel the work or weigh it against the rest of the plan: a coordinator does.
  const cancels =
    input.state !== undefined && input.state !== before.state && (input.state === 'cancelled' || before.state === 'cancelled');
  const reweighs = input.weight !== undefined && input.weight !== before.weight;
  if (cancels || reweighs) authorizeTask(viewer, access.side, factsOf(before), 'task.move');
  if (input.progress !== undefined && input.progress !== before.progress && (await repo.hasCountedSubtasks(tx, taskId))) {
    throw invalidField('progress', 'progressRolledUp');
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
    state: pick('state'),
    stateReason: pick('stateReason'),
    progress: pick('progress'),
    weight: pick('weight'),
    startedOn: startedOn(before.startedOn, pick('progress')),
  };
  // The dates and the state as they will be after the edit: one sent, the other kept.
  if (!datesInOrder(write.startDate, write.dueDate)) throw invalidField('dueDate', 'dueBeforeStart');
  if (needsStateReason(write.state, write.stateReason)) throw invalidField('stateReason', 'reasonRequired');
  const after = await repo.updateTask(tx, agreementId, taskId, write, input.coordinatingUnitIds !== undefined);
  await change.record('task', { action: 'update', entityId: taskId, agreementId, title: after.title, before, after });
  if (after.parentId && (after.progress !== before.progress || after.weight !== before.weight || after.state !== before.state)) {
    await rollUp(change, agreementId, taskId, taskId);
  }
  return after;
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
    // The parent it left and the one it joined each roll up without it, with it.
    // (In one tree the second finds nothing left to move.)
    if (before.parentId) await rollUp(change, agreementId, before.parentId, taskId);
    if (after.parentId) await rollUp(change, agreementId, after.parentId, taskId);
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
    if (before.parentId) await rollUp(change, agreementId, before.parentId, taskId);
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

/**
 * The lead unit marks the task's product delivered, for the other party to accept: today, by the
 * viewer's side (an administrator delivers for the side that owes it). A task without sub-tasks is
 * then at 100 %. Again after a change since it was delivered: the reviewer then sees what changed.
 */
export async function deliverTask(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  version: number,
  /** What the lead unit says of what it delivers: in the thread with the step. */
  note: string | null = null,
  /** The day it was delivered: today, unless the demo loads a past delivery. */
  on: string = todayInVietnam(),
  /** The product's evidence, uploaded first: carried by the delivery's entry. */
  fileIds: readonly string[] = [],
): Promise<Task> {
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const { row: before, access } = await change.open(taskTarget(viewer, agreementId, taskId, 'task.deliver'), version);
    if (!isDeliverable(before)) {
      throw new AppError(
        'TASK_NOT_DELIVERABLE',
        before.acceptedOn !== null
          ? 'This product is already accepted.'
          : before.state !== 'open'
            ? 'A paused or cancelled task cannot be delivered; set it going again first.'
            : 'This product is already delivered and waits for the other party.',
      );
    }
    const leaf = !(await repo.hasCountedSubtasks(tx, taskId));
    await repo.writeDelivery(tx, taskId, {
      deliveredOn: on,
      deliveredBySide: access.side ?? (before.obligor === 'enterprise' ? 'enterprise' : 'government'),
      acceptedOn: null,
      reviewNote: null,
      ...(leaf ? { progress: 100 } : {}),
      startedOn: on,
    });
    const after = (await repo.findTask(tx, agreementId, taskId)) as TaskRow;
    await change.record('task', { action: 'update', entityId: taskId, agreementId, title: after.title, before, after });
    await addEntry(change, access, { task: after, kind: 'delivered', body: note ?? '', internal: false, at: momentOf(on), fileIds });
    if (after.parentId && after.progress !== before.progress) await rollUp(change, agreementId, taskId, taskId);
    // The delivery is its lead unit's report too: shown with its last report moved.
    return presentTask(viewer, access.side, (await repo.findTask(change.tx, agreementId, taskId)) ?? after);
  });
}

/** The task a review is about: delivered and waiting, and unchanged since it was delivered (else the one 412). */
async function openForReview(change: Change, viewer: Viewer, agreementId: string, taskId: string, version: number) {
  const opened = await change.open(taskTarget(viewer, agreementId, taskId, 'task.review'), version);
  const { row } = opened;
  if (!awaitsAcceptance(row)) {
    throw new AppError('TASK_NOT_DELIVERED', 'This product is not waiting for acceptance: it is not delivered, or already accepted.');
  }
  if (row.deliveredVersion !== row.version) {
    throw new AppError(
      'VERSION_CONFLICT',
      'The task changed after its product was delivered: it must be delivered again before it is accepted.',
      { current: presentTask(viewer, opened.access.side, row) },
    );
  }
  return opened;
}

/**
 * A review by the other party: the product delivered and unchanged since, then `write` records
 * the verdict, as a new version with its history event.
 */
function review(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  version: number,
  verdict: {
    kind: 'accepted' | 'rejected';
    note: string | null;
    on?: string;
    write: (before: TaskRow) => Parameters<typeof repo.writeDelivery>[2];
  },
): Promise<Task> {
  return withChange(db, viewer, async (change) => {
    const { row: before, access } = await openForReview(change, viewer, agreementId, taskId, version);
    await repo.writeDelivery(change.tx, taskId, verdict.write(before));
    const after = (await repo.findTask(change.tx, agreementId, taskId)) as TaskRow;
    await change.record('task', { action: 'update', entityId: taskId, agreementId, title: after.title, before, after });
    await addEntry(change, access, {
      task: after,
      kind: verdict.kind,
      body: verdict.note ?? '',
      internal: false,
      at: verdict.on && momentOf(verdict.on),
    });
    return presentTask(viewer, access.side, after);
  });
}

/** The other party accepts the delivered product: the task is completed (on time when delivered by its due date). */
export function acceptTask(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  version: number,
  note: string | null = null,
  /** The day it was accepted: today, unless the demo loads a past acceptance. */
  on: string = todayInVietnam(),
): Promise<Task> {
  return review(db, viewer, agreementId, taskId, version, {
    kind: 'accepted',
    note,
    on,
    write: (before) => ({
      deliveredOn: before.deliveredOn,
      deliveredBySide: before.deliveredBySide,
      // Accepted on a day not before delivery (the database holds the same rule).
      acceptedOn: before.deliveredOn !== null && before.deliveredOn > on ? before.deliveredOn : on,
      reviewNote: null,
    }),
  });
}

/** The other party rejects the delivered product with its reasons: the task goes back in progress. */
export function rejectTask(db: Db, viewer: Viewer, agreementId: string, taskId: string, version: number, reason: string): Promise<Task> {
  return review(db, viewer, agreementId, taskId, version, {
    kind: 'rejected',
    note: reason,
    write: () => ({ deliveredOn: null, deliveredBySide: null, acceptedOn: null, reviewNote: reason }),
  });
}

/**
 * A coordinator of the side that owes a task waives its "5 rõ" check, so the plan can be submitted
 * with it as it is: only a task that fails the check, and only with a reason; the reason, who and
 * when are kept on the task and in its history. `reason` null takes the waiver back.
 */
export async function setClarityWaiver(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  taskId: string,
  version: number,
  reason: string | null,
): Promise<Task> {
  return withChange(db, viewer, async (change) => {
    const { tx } = change;
    const { row: before, access } = await change.open(taskTarget(viewer, agreementId, taskId, 'task.waive'), version);
    if (reason !== null) {
      const facts = { ...before, leadUnitId: before.leadUnit?.id ?? null };
      if (checkClarity(facts, { withAuthority: await checksAuthority(tx, agreementId) }).clear) {
        throw new AppError('TASK_CLEAR', 'This task passes the "5 rõ" check: there is nothing to waive.');
      }
    }
    await repo.writeWaiver(tx, taskId, reason === null ? null : { reason, by: viewer.user.id });
    const after = (await repo.findTask(tx, agreementId, taskId)) as TaskRow;
    await change.record('task', { action: 'update', entityId: taskId, agreementId, title: after.title, before, after });
    return presentTask(viewer, access.side, after);
  });
}
