import {
  addToTally,
  buildTaskTree,
  checkClarity,
  clarityCriteriaCount,
  emptyTally,
  sumTallies,
  todayInVietnam,
  type Area,
  type AreaCreateInput,
  type AreaUpdateInput,
  type ClarityTally,
  type Plan,
  type PlanAreaPage,
  type PlanAreaPageQuery,
  type PlanOutline,
  type Side,
} from '@accord/domain';
import { withChange, type Target } from '../../change/change.js';
import { withReadSnapshot, type Db } from '../../db/pool.js';
import { loadAgreementAccess, notFound, requireOnAgreement, type AgreementAccess } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import { deleteTasksAlong, presentTask } from '../tasks/task.service.js';
import * as tasks from '../tasks/task.repository.js';
import type { TaskRow } from '../tasks/task.repository.js';
import type { PlanAnswer, PlanCache, ViewerClass } from './plan-cache.js';
import * as repo from './plan.repository.js';

const areaNotFound = () => notFound('AREA_NOT_FOUND', 'The cooperation area');

export async function getPlan(db: Db, viewer: Viewer, agreementId: string): Promise<Plan> {
  const { side } = await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const [areas, rows] = await Promise.all([repo.listAreas(db, agreementId), repo.listTasks(db, agreementId)]);
  return presentPlan(agreementId, areas, rows, viewer, side, todayInVietnam());
}

function presentPlan(agreementId: string, areas: Area[], rows: TaskRow[], viewer: Viewer, side: Side | null, today: string): Plan {
  const byArea = rowsByArea(rows);
  return { agreementId, areas: areas.map((a) => presentArea(a, byArea.get(a.id) ?? [], viewer, side, today)) };
}

/** An area with its tasks' tree, as `viewer` sees them. */
function presentArea(area: Area, rows: TaskRow[], viewer: Viewer, side: Side | null, today: string): Plan['areas'][number] {
  return { ...area, tasks: buildTaskTree(rows.map((t) => presentTask(viewer, side, t, today))).get(area.id) ?? [] };
}

function rowsByArea(rows: TaskRow[]): Map<string, TaskRow[]> {
  const byArea = new Map<string, TaskRow[]>();
  for (const t of rows) {
    const list = byArea.get(t.areaId);
    if (list) list.push(t);
    else byArea.set(t.areaId, [t]);
  }
  return byArea;
}

/**
 * The whole plan tree as the viewer sees it, from the instance's cache when the plan is as it was
 * (its stamp, read from PostgreSQL on every request, is unchanged) and the viewer is of a class
 * it was made for; else read in one snapshot and made once for every request waiting on it.
 */
export async function getPlanAnswer(db: Db, cache: PlanCache, viewer: Viewer, agreementId: string): Promise<PlanAnswer> {
  const { side } = await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const today = todayInVietnam();
  const stamp = await repo.planStamp(db, agreementId);
  return cache.answer(
    { agreementId, stamp, today },
    (leadUnitIds) => viewerClassOf(viewer, side, leadUnitIds),
    () =>
      withReadSnapshot(db, async (tx) => {
        const read = await repo.planStamp(tx, agreementId);
        const areas = await repo.listAreas(tx, agreementId);
        const rows = await repo.listTasks(tx, agreementId);
        const leadUnitIds = [...new Set(rows.flatMap((t) => (t.leadUnit ? [t.leadUnit.id] : [])))];
        return {
          stamp: read,
          leadUnitIds,
          // Each class's viewer sees what any viewer of it would: it is made as this one sees it.
          present: (c) => planJson(agreementId, areas, rows, c.viewer, c.side, today),
        };
      }),
  );
}

/**
 * The JSON of `presentPlan`, byte for byte, made an area at a time: only one area's presented
 * tasks and their tree are in memory at once, beside the rows.
 */
export function* planJson(
  agreementId: string,
  areas: Area[],
  rows: TaskRow[],
  viewer: Viewer,
  side: Side | null,
  today: string,
): Generator<string> {
  const byArea = rowsByArea(rows);
  yield `{"agreementId":${JSON.stringify(agreementId)},"areas":[`;
  for (const [i, a] of areas.entries()) {
    yield `${i > 0 ? ',' : ''}${JSON.stringify(presentArea(a, byArea.get(a.id) ?? [], viewer, side, today))}`;
  }
  yield ']}';
}

/** The class a viewer's plan is made for: their role, their side, and which of the plan's lead units are theirs (`taskPermissions` reads no more). */
function viewerClassOf(viewer: Viewer, side: Side | null, leadUnitIds: readonly string[]): ViewerClass {
  const theirs = leadUnitIds.filter((id) => viewer.down.has(id)).sort();
  return { key: `${viewer.user.role}|${side ?? '-'}|${theirs.join(',')}`, viewer, side };
}

/**
 * The plan without its tasks: the areas with their counts and "5 rõ" tallies (the sums of each
 * task's stored check, and the domain's check on any not stored yet), and the units that lead a
 * task. A plan page shows this at once and asks for the areas' tasks as it opens them.
 */
export async function getPlanOutline(db: Db, viewer: Viewer, agreementId: string): Promise<PlanOutline> {
  await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const criteria = { of: clarityCriteriaCount(false), ofWithAuthority: clarityCriteriaCount(true) };
  const [areas, tallies, unchecked, extras] = await Promise.all([
    repo.listAreas(db, agreementId),
    repo.listOutlineTallies(db, agreementId, criteria),
    repo.listUncheckedFacts(db, agreementId, criteria),
    repo.outlineExtras(db, agreementId),
  ]);
  const withAuthority = extras.checksAuthority;
  const of = withAuthority ? criteria.ofWithAuthority : criteria.of;
  const byArea = new Map<string, { taskCount: number; topLevelCount: number; clarity: ClarityTally }>(
    tallies.map((t) => [
      t.areaId,
      {
        taskCount: t.taskCount,
        topLevelCount: t.topLevelCount,
        clarity: withAuthority
          ? { clear: t.clearWithAuthority, total: t.checked, met: t.metWithAuthority, of: t.checked * of }
          : { clear: t.clear, total: t.checked, met: t.met, of: t.checked * of },
      },
    ]),
  );
  for (const f of unchecked) {
    const a = byArea.get(f.areaId);
    if (a) a.clarity = addToTally(a.clarity, checkClarity(f, { withAuthority }));
  }
  const outlined = areas.map((a) => ({ ...a, ...(byArea.get(a.id) ?? { taskCount: 0, topLevelCount: 0, clarity: emptyTally }) }));
  return { agreementId, areas: outlined, clarity: sumTallies(outlined.map((a) => a.clarity)), leadUnits: extras.leadUnits };
}

/**
 * A page of an area's tasks: `limit` top-level tasks from `from`, each with its whole tree, as the
 * plan tree shows them; with `through`, far enough to hold that task (a link to it opens it).
 */
export async function getPlanAreaTasks(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  areaId: string,
  query: PlanAreaPageQuery,
): Promise<PlanAreaPage> {
  const { side } = await loadAgreementAccess(db, viewer, agreementId, 'agreement.read');
  const { from } = query;
  const throughIndex = query.through === undefined ? undefined : await repo.topLevelIndexOf(db, agreementId, areaId, query.through);
  const limit = throughIndex === undefined ? query.limit : Math.max(query.limit, throughIndex - from + 1);
  const [topLevelCount, rows] = await Promise.all([
    repo.countTopLevel(db, agreementId, areaId),
    repo.listAreaPage(db, agreementId, areaId, from, limit),
  ]);
  if (topLevelCount === undefined) throw areaNotFound();
  const today = todayInVietnam();
  const tasks = buildTaskTree(rows.map((t) => presentTask(viewer, side, t, today))).get(areaId) ?? [];
  return { areaId, from, tasks, topLevelCount, next: from + limit < topLevelCount ? from + limit : null };
}

/** An area about to be changed: its agreement held (shared) so its parties stay as checked, the area itself locked. */
function areaTarget(viewer: Viewer, agreementId: string, areaId: string): Target<Area, AgreementAccess> {
  let access: AgreementAccess;
  return {
    load: async (tx) => {
      access = await loadAgreementAccess(tx, viewer, agreementId, 'agreement.read', { lock: 'share' });
      return repo.findArea(tx, agreementId, areaId, { forUpdate: true });
    },
    notFound: areaNotFound,
    authorize: () => requireOnAgreement(viewer, access, 'area.write'),
    present: (area) => area,
  };
}

export async function createArea(db: Db, viewer: Viewer, agreementId: string, input: AreaCreateInput): Promise<Area> {
  return withChange(db, viewer, async (change) => {
    // Locked, so that two new areas do not take the same position.
    await loadAgreementAccess(change.tx, viewer, agreementId, 'area.write', { lock: 'update' });
    const area = await repo.insertArea(change.tx, agreementId, {
      theme: input.theme ?? null,
      title: input.title,
      description: input.description ?? null,
    });
    await change.record('area', { action: 'create', entityId: area.id, agreementId, title: area.title, before: null, after: area });
    return area;
  });
}

export async function updateArea(
  db: Db,
  viewer: Viewer,
  agreementId: string,
  areaId: string,
  version: number,
  input: AreaUpdateInput,
): Promise<Area> {
  return withChange(db, viewer, async (change) => {
    const { row: before } = await change.open(areaTarget(viewer, agreementId, areaId), version);
    const after = await repo.updateArea(change.tx, areaId, {
      theme: input.theme === undefined ? before.theme : input.theme,
      title: input.title ?? before.title,
      description: input.description === undefined ? before.description : input.description,
      position: input.position ?? before.position,
    });
    await change.record('area', { action: 'update', entityId: areaId, agreementId, title: after.title, before, after });
    return after;
  });
}

/**
 * Deletes an area and every task in it. The viewer must be allowed to delete each of those
 * tasks (a coordinator cannot take the other side's tasks away by deleting the shared area),
 * and each deleted task gets its own history event.
 */
export async function deleteArea(db: Db, viewer: Viewer, agreementId: string, areaId: string, version: number): Promise<void> {
  await withChange(db, viewer, async (change) => {
    const { row: before, access } = await change.open(areaTarget(viewer, agreementId, areaId), version);
    await deleteTasksAlong(change, access, agreementId, await tasks.findAreaTasks(change.tx, agreementId, areaId), areaId);
    await repo.softDeleteArea(change.tx, areaId);
    await change.record('area', { action: 'delete', entityId: areaId, agreementId, title: before.title, before, after: null });
  });
}
