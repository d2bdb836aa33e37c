import {
  derivedStatusSql,
  foldForSearch,
  reportingEntryKinds,
  todaySql,
  statusFilterSql,
  storedClarity,
  type ClarityFacts,
  type Obligor,
  type ObligorCounts,
  type ReportCadence,
  type Task,
  type TaskSortKey,
  type TaskState,
  type TaskStatus,
  taskListOrder,
  taskStatuses,
} from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { escapeLike, placeholders, prepared, type Statement } from '../../db/sql.js';
import { agreementPartiesSql, type FactsRow } from '../access/access.repository.js';
import { readableAgreementIdSql } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import type { TaskListCursor } from './task-cursor.js';

// The only place with SQL for tasks: reads, writes, lists and the moves of the task tree.

/**
 * A task as read: its facts and, from its agreement, the rules its status is worked out by (the
 * status itself is worked out when it is presented, by the domain's `deriveStatus`; lists filter,
 * count and sort by its SQL twin).
 */
export type TaskRow = Omit<Task, 'allowed' | 'status' | 'stale'> & {
  depth: number;
  atRiskDays: number;
  progressMargin: number;
  reportCadence: ReportCadence;
};

const coordinatorsOfTask = `COALESCE((SELECT json_agg(json_build_object('id', co.id, 'name', co.name_vi, 'nameEn', co.name_en) ORDER BY tc.position)
    FROM task_coordinators tc JOIN organisations co ON co.id = tc.organisation_id WHERE tc.task_id = t.id), '[]'::json)`;

/**
 * The status of the tasks row `t` today, worked out in SQL by the rules of its agreement `ag`
 * (the twin of the domain's `deriveStatus`; `today` defaults to today in Việt Nam).
 */
export function taskStatusSql(t = 't', ag = 'ag', today?: string): string {
  return derivedStatusSql(statusColumnsOf(t), rulesOf(ag), today);
}

const statusColumnsOf = (t: string) => ({
  state: `${t}.state`,
  progress: `${t}.progress`,
  startDate: `${t}.start_date`,
  dueDate: `${t}.due_date`,
  deliveredOn: `${t}.delivered_on`,
  acceptedOn: `${t}.accepted_on`,
  started: `(${t}.started_on IS NOT NULL)`,
});
const rulesOf = (ag: string) => ({ atRiskDays: `${ag}.at_risk_days`, progressMargin: `${ag}.progress_margin` });

/**
 * The tasks row `t` is stale today (the twin of the domain's `isStale`): under way, its last
 * shared report older than the current cycle. The day it became so is kept on the task
 * (`stale_from`, the domain's `staleFrom`, written by the database with its facts and with its
 * agreement's cadence: migration 20261207010000), so no agreement is read and an index finds them.
 */
export function taskStaleSql(t = 't', today = todaySql): string {
  return `(${t}.stale_from <= ${today})`;
}

/**
 * The rows of `tasks t` whose status today is one of `statuses`, as cheap as the set allows (see the
 * domain's `statusFilterSql`); `usesRules`: it reads the agreement `ag`, which must then be joined.
 */
export function taskStatusFilterSql(statuses: readonly TaskStatus[], t = 't', ag = 'ag'): { sql: string; usesRules: boolean } {
  return statusFilterSql(statusColumnsOf(t), statuses, rulesOf(ag));
}

/**
 * A task's columns in the API's shape, its coordinating units from `coordinators` (an expression);
 * needs `tasks t`, `agreements ag` (its agreement, for the status rules) and `organisations lo`
 * (its lead unit, left-joined).
 */
export function taskColumnsWith(coordinators: string): string {
  return `t.id, t.agreement_id AS "agreementId", t.area_id AS "areaId", t.parent_id AS "parentId",
  t.position, t.depth, t.code, t.title, t.description, t.obligor,
  CASE WHEN lo.id IS NULL THEN NULL ELSE json_build_object('id', lo.id, 'name', lo.name_vi, 'nameEn', lo.name_en) END AS "leadUnit",
  ${coordinators} AS "coordinatingUnits",
  t.responsible_person AS "responsiblePerson", t.start_date AS "startDate", t.due_date AS "dueDate",
  t.expected_product AS "expectedProduct", t.decided_by AS "decidedBy",
  ag.at_risk_days AS "atRiskDays", ag.progress_margin AS "progressMargin", ag.report_cadence AS "reportCadence", t.state, t.state_reason AS "stateReason", t.progress::float8 AS progress, t.weight::float8 AS weight,
  t.started_on AS "startedOn", t.delivered_on AS "deliveredOn", t.accepted_on AS "acceptedOn",
  t.delivered_by_side AS "deliveredBySide", t.delivered_version AS "deliveredVersion", t.review_note AS "reviewNote",
  to_char(t.last_reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastReportedAt",
  CASE WHEN t.clarity_waiver IS NULL THEN NULL ELSE json_build_object('reason', t.clarity_waiver,
    'by', (SELECT wu.display_name FROM users wu WHERE wu.id = t.clarity_waived_by),
    'at', to_char(t.clarity_waived_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END AS "clarityWaiver", t.version,
  to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;
}

/** A task's columns in the API's shape; needs `tasks t`, `agreements ag` and `organisations lo` (see `taskColumnsWith`). */
export const taskColumns = taskColumnsWith(coordinatorsOfTask);

const taskSelect = `SELECT ${taskColumns} FROM tasks t JOIN agreements ag ON ag.id = t.agreement_id LEFT JOIN organisations lo ON lo.id = t.lead_org_id`;

// A task by id runs on every task read and twice on every task write: prepared, in each of its forms.
const findTaskSql = (includeDeleted: boolean, forUpdate: boolean) =>
  prepared(
    `task.find${includeDeleted ? '.any' : ''}${forUpdate ? '.lock' : ''}`,
    `${taskSelect} WHERE t.id = $1 AND t.agreement_id = $2 ${includeDeleted ? '' : 'AND t.deleted_at IS NULL'} ${forUpdate ? 'FOR UPDATE OF t' : ''}`,
  );
const findTaskStatements = [
  [findTaskSql(false, false), findTaskSql(false, true)],
  [findTaskSql(true, false), findTaskSql(true, true)],
] as const;

/** The statement behind `findTask` (the benchmark runs it bare). */
export function findTaskStatement(agreementId: string, id: string, { forUpdate = false, includeDeleted = false } = {}) {
  return findTaskStatements[includeDeleted ? 1 : 0][forUpdate ? 1 : 0]([id, agreementId]);
}

export async function findTask(
  db: Queryable,
  agreementId: string,
  id: string,
  { forUpdate = false, includeDeleted = false } = {},
): Promise<TaskRow | undefined> {
  const { rows } = await db.query<TaskRow>(findTaskStatement(agreementId, id, { forUpdate, includeDeleted }));
  return rows[0];
}

export interface TaskWrite {
  code: string | null;
  title: string;
  description: string | null;
  obligor: Obligor;
  leadUnitId: string | null;
  coordinatingUnitIds: string[];
  responsiblePerson: string | null;
  startDate: string | null;
  dueDate: string | null;
  expectedProduct: string | null;
  decidedBy: string | null;
  state: TaskState;
  stateReason: string | null;
  /** Its own progress; a parent's is written by `rollUp`. */
  progress: number;
  weight: number;
  startedOn: string | null;
}

/** What search finds a task by: its code, title, description, responsible person and product. */
export function taskSearchText(t: Pick<TaskWrite, 'code' | 'title' | 'description' | 'responsiblePerson' | 'expectedProduct'>): string {
  return foldForSearch([t.code ?? '', t.title, t.description ?? '', t.responsiblePerson ?? '', t.expectedProduct ?? ''].join(' '));
}

async function writeCoordinators(tx: Queryable, taskId: string, ids: string[]): Promise<void> {
  await tx.query('DELETE FROM task_coordinators WHERE task_id = $1', [taskId]);
  if (ids.length === 0) return;
  await tx.query(
    `INSERT INTO task_coordinators(task_id, organisation_id, position)
     SELECT $1, x.id, x.pos FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, pos)`,
    [taskId, ids],
  );
}

/** The stored "5 rõ" of a task (clarity_met, clarity_met_authority), from the facts a write sets. */
export function taskClarityValues(t: ClarityFacts): [number, number] {
  const { met, metWithAuthority } = storedClarity(t);
  return [met, metWithAuthority];
}

/**
 * What a write sets, in the column order both statements below name them (code … expected_product,
 * search_text, decided_by, state …, started_on, clarity_met, clarity_met_authority).
 */
function writtenValues(t: TaskWrite): unknown[] {
  return [
    t.code,
    t.title,
    t.description,
    t.obligor,
    t.leadUnitId,
    t.responsiblePerson,
    t.startDate,
    t.dueDate,
    t.expectedProduct,
    taskSearchText(t),
    t.decidedBy,
    t.state,
    t.stateReason,
    t.progress,
    t.weight,
    t.startedOn,
    ...taskClarityValues(t),
  ];
}

export async function insertTask(
  tx: Queryable,
  place: { agreementId: string; areaId: string; parentId: string | null; depth: number },
  t: TaskWrite,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO tasks(agreement_id, area_id, parent_id, depth, position, code, title, description, obligor, lead_org_id,
       responsible_person, start_date, due_date, expected_product, search_text, decided_by,
       state, state_reason, progress, weight, started_on, clarity_met, clarity_met_authority)
     VALUES ($1, $2, $3, $4,
       (SELECT COALESCE(max(position) + 1, 0) FROM tasks WHERE area_id = $2 AND parent_id IS NOT DISTINCT FROM $3 AND deleted_at IS NULL),
       $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
     RETURNING id`,
    [place.agreementId, place.areaId, place.parentId, place.depth, ...writtenValues(t)],
  );
  const id = (rows[0] as { id: string }).id;
  await writeCoordinators(tx, id, t.coordinatingUnitIds);
  return id;
}

/** A new task of a bulk insert: its id chosen beforehand, so that sub-tasks can name their parent. */
export interface NewTask extends TaskWrite {
  id: string;
  areaId: string;
  parentId: string | null;
  depth: number;
  position: number;
}

/** Inserts many tasks in a few statements (an import): each with its place and its coordinating units. */
export async function insertTasks(tx: Queryable, agreementId: string, tasks: readonly NewTask[]): Promise<void> {
  for (let from = 0; from < tasks.length; from += 1000) {
    const chunk = tasks.slice(from, from + 1000);
    const column = <T>(f: (t: NewTask) => T) => chunk.map(f);
    await tx.query(
      `INSERT INTO tasks(id, agreement_id, area_id, parent_id, depth, position, code, title, description, obligor, lead_org_id,
         responsible_person, start_date, due_date, expected_product, search_text, decided_by, state, state_reason, progress, weight, started_on,
         clarity_met, clarity_met_authority)
       SELECT x.id, $1, x.area_id, x.parent_id, x.depth, x.position, x.code, x.title, x.description, x.obligor, x.lead_org_id,
         x.responsible_person, x.start_date, x.due_date, x.expected_product, x.search_text, x.decided_by, x.state, x.state_reason,
         x.progress, x.weight, x.started_on, x.clarity_met, x.clarity_met_authority
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::uuid[],
         $12::text[], $13::date[], $14::date[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::numeric[],
         $21::numeric[], $22::date[], $23::smallint[], $24::smallint[])
         AS x(id, area_id, parent_id, depth, position, code, title, description, obligor, lead_org_id, responsible_person, start_date,
           due_date, expected_product, search_text, decided_by, state, state_reason, progress, weight, started_on, clarity_met,
           clarity_met_authority)`,
      [
        agreementId,
        column((t) => t.id),
        column((t) => t.areaId),
        column((t) => t.parentId),
        column((t) => t.depth),
        column((t) => t.position),
        column((t) => t.code),
        column((t) => t.title),
        column((t) => t.description),
        column((t) => t.obligor),
        column((t) => t.leadUnitId),
        column((t) => t.responsiblePerson),
        column((t) => t.startDate),
        column((t) => t.dueDate),
        column((t) => t.expectedProduct),
        column((t) => taskSearchText(t)),
        column((t) => t.decidedBy),
        column((t) => t.state),
        column((t) => t.stateReason),
        column((t) => t.progress),
        column((t) => t.weight),
        column((t) => t.startedOn),
        column((t) => taskClarityValues(t)[0]),
        column((t) => taskClarityValues(t)[1]),
      ],
    );
    const links = chunk.flatMap((t) => t.coordinatingUnitIds.map((org, i) => [t.id, org, i + 1] as const));
    if (links.length > 0) {
      await tx.query(
        `INSERT INTO task_coordinators(task_id, organisation_id, position)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[])`,
        [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
      );
    }
  }
}

/** Tasks by id, as `findTask` reads each. */
export async function findTasks(db: Queryable, agreementId: string, ids: readonly string[]): Promise<TaskRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<TaskRow>(`${taskSelect} WHERE t.id = ANY($1::uuid[]) AND t.agreement_id = $2 AND t.deleted_at IS NULL`, [
    ids,
    agreementId,
  ]);
  return rows;
}

/** The next free position under each parent (or at the top of each area) of an agreement's plan. */
export async function nextPositions(db: Queryable, agreementId: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ area_id: string; parent_id: string | null; next: number }>(
    `SELECT area_id, parent_id, max(position) + 1 AS next FROM tasks WHERE agreement_id = $1 AND deleted_at IS NULL GROUP BY area_id, parent_id`,
    [agreementId],
  );
  return new Map(rows.map((r) => [`${r.area_id}|${r.parent_id ?? ''}`, Number(r.next)]));
}

const updateTaskText = `UPDATE tasks SET code=$2, title=$3, description=$4, obligor=$5, lead_org_id=$6, responsible_person=$7, start_date=$8,
     due_date=$9, expected_product=$10, search_text=$11, decided_by=$12, state=$13, state_reason=$14, progress=$15, weight=$16,
     started_on=$17, clarity_met=$18, clarity_met_authority=$19, version = version + 1, updated_at = now()
   WHERE id = $1`;
// Every edit of a task runs one of them: prepared.
const updateTaskSql = prepared('task.update', updateTaskText);
const updateAndReadTaskSql = prepared(
  'task.update.read',
  `WITH t AS (${updateTaskText} RETURNING *)
   SELECT ${taskColumns} FROM t JOIN agreements ag ON ag.id = t.agreement_id LEFT JOIN organisations lo ON lo.id = t.lead_org_id`,
);

/**
 * Writes a task its change holds locked and answers it as it now is. Without a change of its
 * coordinating units that is one round trip (the row the UPDATE returns, joined as a read joins
 * it); with one, the units are written and the task read again.
 */
export async function updateTask(
  tx: Queryable,
  agreementId: string,
  id: string,
  t: TaskWrite,
  coordinatorsChanged: boolean,
): Promise<TaskRow> {
  const values = [id, ...writtenValues(t)];
  if (!coordinatorsChanged) return (await tx.query<TaskRow>(updateAndReadTaskSql(values))).rows[0] as TaskRow;
  await tx.query(updateTaskSql(values));
  await writeCoordinators(tx, id, t.coordinatingUnitIds);
  return (await findTask(tx, agreementId, id)) as TaskRow;
}

/** A delivery step's write on a task its change holds locked: a new version, like any edit. */
export async function writeDelivery(
  tx: Queryable,
  id: string,
  d: {
    deliveredOn: string | null;
    deliveredBySide: string | null;
    acceptedOn: string | null;
    reviewNote: string | null;
    progress?: number;
    startedOn?: string | null;
  },
): Promise<void> {
  await tx.query(
    `UPDATE tasks SET delivered_on = $2, delivered_by_side = $3, accepted_on = $4, review_note = $5,
       progress = COALESCE($6, progress), started_on = COALESCE(started_on, $7),
       version = version + 1, updated_at = now(),
       -- Delivered at the version this write makes: acceptance needs it unchanged since.
       delivered_version = CASE WHEN $2::date IS NULL THEN NULL WHEN $4::date IS NULL THEN version + 1 ELSE delivered_version END
     WHERE id = $1`,
    [id, d.deliveredOn, d.deliveredBySide, d.acceptedOn, d.reviewNote, d.progress ?? null, d.startedOn ?? null],
  );
}

/** The ids from a task up to its root, the task first. */
export async function ancestorIds(db: Queryable, taskId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `WITH RECURSIVE up(id, parent_id, n) AS (
       SELECT id, parent_id, 0 FROM tasks WHERE id = $1
       UNION ALL SELECT t.id, t.parent_id, up.n + 1 FROM tasks t JOIN up ON t.id = up.parent_id WHERE up.n < 50)
     SELECT id FROM up ORDER BY n`,
    [taskId],
  );
  return rows.map((r) => r.id);
}

/**
 * Locks the top task of the tree `taskId` is in and answers its id. Every change of progress in a
 * tree takes this lock before reading the tree, so two reports under one parent roll up one after
 * the other and neither is lost.
 */
export async function lockTreeTop(tx: Queryable, taskId: string): Promise<string> {
  const top = (await ancestorIds(tx, taskId)).at(-1) ?? taskId;
  await tx.query('SELECT 1 FROM tasks WHERE id = $1 FOR UPDATE', [top]);
  return top;
}

export interface ProgressRow {
  id: string;
  parentId: string | null;
  progress: number;
  weight: number;
  cancelled: boolean;
}

/** The live tasks of the tree under `topId` (itself included), with what the roll-up reads. */
export async function progressTree(tx: Queryable, topId: string): Promise<ProgressRow[]> {
  const { rows } = await tx.query<ProgressRow>(
    `WITH RECURSIVE down(id, n) AS (
       SELECT id, 0 FROM tasks WHERE id = $1 AND deleted_at IS NULL
       UNION ALL SELECT t.id, down.n + 1 FROM tasks t JOIN down ON t.parent_id = down.id WHERE t.deleted_at IS NULL AND down.n < 50)
     SELECT t.id, t.parent_id AS "parentId", t.progress::float8 AS progress, t.weight::float8 AS weight, t.state = 'cancelled' AS cancelled
     FROM tasks t JOIN down ON down.id = t.id`,
    [topId],
  );
  return rows;
}

/** Writes rolled-up progress; not a version of its own (nobody typed it: the change below it is the edit). */
export async function writeProgress(tx: Queryable, values: ReadonlyMap<string, number>): Promise<void> {
  if (values.size === 0) return;
  await tx.query(`UPDATE tasks SET progress = x.progress FROM unnest($1::uuid[], $2::numeric[]) AS x(id, progress) WHERE tasks.id = x.id`, [
    [...values.keys()],
    [...values.values()],
  ]);
}

/** Whether a task has sub-tasks that count in its progress (live and not cancelled): then its progress is rolled up. */
export async function hasCountedSubtasks(db: Queryable, taskId: string): Promise<boolean> {
  const { rows } = await db.query<{ yes: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM tasks WHERE parent_id = $1 AND deleted_at IS NULL AND state <> 'cancelled') AS yes`,
    [taskId],
  );
  return rows[0]?.yes ?? false;
}

/** How many levels a task's subtree has below it (0 when it has no sub-tasks). */
export async function subtreeHeight(db: Queryable, taskId: string): Promise<number> {
  const { rows } = await db.query<{ h: number }>(
    `WITH RECURSIVE down(id, h) AS (
       SELECT id, 0 FROM tasks WHERE id = $1
       UNION ALL SELECT t.id, down.h + 1 FROM tasks t JOIN down ON t.parent_id = down.id WHERE t.deleted_at IS NULL AND down.h < 50)
     SELECT max(h)::int AS h FROM down`,
    [taskId],
  );
  return rows[0]?.h ?? 0;
}

/**
 * Moves a task (its change holds it locked) to a new place: siblings at and after the new
 * position shift down, the gap it leaves closes, and its subtree follows it into the new area.
 * Answers the position it took.
 */
export async function moveTask(
  tx: Queryable,
  task: { id: string; areaId: string; parentId: string | null; position: number },
  to: { areaId: string; parentId: string | null; position: number; depth: number },
): Promise<number> {
  await tx.query('UPDATE tasks SET position = -1 WHERE id = $1', [task.id]);
  await closeGap(tx, task);
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM tasks WHERE area_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND deleted_at IS NULL AND id <> $3`,
    [to.areaId, to.parentId, task.id],
  );
  const position = Math.min(to.position, rows[0]?.n ?? 0);
  await tx.query(
    `UPDATE tasks SET position = position + 1 WHERE area_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND position >= $3 AND deleted_at IS NULL AND id <> $4`,
    [to.areaId, to.parentId, position, task.id],
  );
  await tx.query(
    `UPDATE tasks SET area_id = $2, parent_id = $3, position = $4, depth = $5, version = version + 1, updated_at = now() WHERE id = $1`,
    [task.id, to.areaId, to.parentId, position, to.depth],
  );
  // The sub-tasks follow into the new area and depth; each that changes gets a new version.
  await tx.query(
    `WITH RECURSIVE down(id, depth) AS (
       SELECT id, $3::int FROM tasks WHERE parent_id = $1 AND deleted_at IS NULL
       UNION ALL SELECT t.id, down.depth + 1 FROM tasks t JOIN down ON t.parent_id = down.id WHERE t.deleted_at IS NULL)
     UPDATE tasks SET area_id = $2, depth = down.depth, version = version + 1, updated_at = now()
     FROM down WHERE tasks.id = down.id AND (tasks.area_id <> $2 OR tasks.depth <> down.depth)`,
    [task.id, to.areaId, to.depth + 1],
  );
  return position;
}

/** Soft-deletes tasks (their change holds them locked); they stay in history. */
export async function softDeleteTasks(tx: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    'UPDATE tasks SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL',
    [ids],
  );
}

/** Every live task below a task, parents before their children, locked for the change that takes them with it. */
export async function findSubtree(tx: Queryable, agreementId: string, taskId: string): Promise<TaskRow[]> {
  const { rows } = await tx.query<TaskRow>(
    `WITH RECURSIVE down(id, n) AS (
       SELECT id, 0 FROM tasks WHERE parent_id = $1 AND deleted_at IS NULL
       UNION ALL SELECT t.id, down.n + 1 FROM tasks t JOIN down ON t.parent_id = down.id WHERE t.deleted_at IS NULL AND down.n < 50)
     ${taskSelect} JOIN down ON down.id = t.id WHERE t.agreement_id = $2 ORDER BY t.depth, t.position FOR UPDATE OF t`,
    [taskId, agreementId],
  );
  return rows;
}

/** Every live task of an area, parents before their children, locked for the change that takes them with it. */
export async function findAreaTasks(tx: Queryable, agreementId: string, areaId: string): Promise<TaskRow[]> {
  const { rows } = await tx.query<TaskRow>(
    `${taskSelect} WHERE t.area_id = $1 AND t.agreement_id = $2 AND t.deleted_at IS NULL ORDER BY t.depth, t.position FOR UPDATE OF t`,
    [areaId, agreementId],
  );
  return rows;
}

/** Where a task is (also a deleted one), without locking: enough to know it belongs to the agreement. */
export async function findTaskPlace(
  db: Queryable,
  agreementId: string,
  id: string,
  { includeDeleted = false } = {},
): Promise<{ id: string } | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM tasks WHERE id = $1 AND agreement_id = $2 ${includeDeleted ? '' : 'AND deleted_at IS NULL'}`,
    [id, agreementId],
  );
  return rows[0];
}

export async function closeGap(tx: Queryable, t: { id: string; areaId: string; parentId: string | null; position: number }): Promise<void> {
  await tx.query(
    `UPDATE tasks SET position = position - 1 WHERE area_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND position > $3 AND deleted_at IS NULL AND id <> $4`,
    [t.areaId, t.parentId, t.position, t.id],
  );
}

export interface TaskListFilter {
  /** One agreement, or null for every agreement the viewer may read. */
  agreementId: string | null;
  /** Whose list it is: only tasks of agreements this viewer may read (the access module decides); null when the agreement is already authorised. */
  viewer: Viewer | null;
  /** Tasks led by one of these organisations; null: any. */
  leadUnits: string[] | null;
  areaId: string | undefined;
  statuses: TaskStatus[] | undefined;
  overdue: boolean | undefined;
  /** Stale (true: under way and not reported in the current cycle) or not; undefined: either. */
  stale?: boolean | undefined;
  /** Only the tasks this party owes. */
  obligor?: Obligor | undefined;
  dueFrom: string | undefined;
  dueTo: string | undefined;
  /** Folded search words, each must appear. */
  words: string[];
  sort: TaskSortKey | undefined;
  order: 'asc' | 'desc' | undefined;
  limit: number;
  offset: number;
  /** Products waiting for acceptance: delivered by another side than this one (`for`), or by it (`from`). */
  awaiting?: { side: 'government' | 'enterprise'; by: 'otherSide' | 'thisSide' };
  /** Only tasks of agreements one of these organisations is a party to. */
  partyOf?: readonly string[];
  /** Count the matches only this far beyond the page (default `TASK_COUNT_BOUND`): see `countBoundOf`. */
  countBound?: number;
  /**
   * Start after this task's place in the list's order (the `next` of the page before) instead of
   * skipping `offset` rows; `offset` still says how many come before, for the count.
   */
  after?: TaskListCursor;
}

/** How many matches a task list counts past its first page before it says "more than". */
export const TASK_COUNT_BOUND = 1000;

/**
 * Where a list stops counting: `TASK_COUNT_BOUND` matches, or the end of the page after the one
 * asked for when that is further, so that every page up to the next is known to exist and the
 * pager can always go on while there are more. Counting every match of a 9,000-task agreement for
 * each page walked all of them (4.3 ms of the 8 the list cost).
 */
export function countBoundOf(f: TaskListFilter): number {
  return Math.max(f.countBound ?? TASK_COUNT_BOUND, f.offset + 2 * f.limit);
}

const statusOrder = `ARRAY[${taskStatuses.map((s) => `'${s}'`).join(',')}]`;
const sortColumns: Record<TaskSortKey, string> = {
  dueDate: 't.due_date',
  title: 't.title',
  // The statuses in their order in the domain (not started … cancelled), worked out as the filter does.
  status: `array_position(${statusOrder}, ${taskStatusSql()})`,
  updatedAt: 't.updated_at',
  deliveredOn: 't.delivered_on',
};
/** The type a sort value is read back as from a cursor's text. */
const sortTypes: Record<TaskSortKey, string> = {
  dueDate: 'date',
  title: 'text',
  status: 'int',
  updatedAt: 'timestamptz',
  deliveredOn: 'date',
};
/** The sort values a task may lack (and that then come last). */
const sortNullable: Record<TaskSortKey, boolean> = { dueDate: true, title: false, status: false, updatedAt: false, deliveredOn: true };

/** The order of a list: its sort value (undated or unset last in either direction), then the id. */
export function listOrderOf(f: Pick<Partial<TaskListFilter>, 'sort' | 'order' | 'awaiting'>): { sort: TaskSortKey; order: 'asc' | 'desc' } {
  return taskListOrder(f.sort, f.order, f.awaiting ? 'deliveredOn' : 'dueDate');
}

function orderBy(f: Pick<Partial<TaskListFilter>, 'sort' | 'order' | 'awaiting'>): string {
  const { sort, order } = listOrderOf(f);
  return `${sortColumns[sort]} ${order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, t.id`;
}

/** The status conditions of a list: the statuses asked for, and overdue or not. */
function statusFiltersOf(f: TaskListFilter): { sql: string; usesRules: boolean }[] {
  const filters = f.statuses ? [taskStatusFilterSql(f.statuses)] : [];
  if (f.overdue === true) filters.push(taskStatusFilterSql(['overdue']));
  if (f.overdue === false) filters.push(taskStatusFilterSql(taskStatuses.filter((s) => s !== 'overdue')));
  return filters;
}

/** The WHERE clause shared by the page and its count. */
function whereOf(f: TaskListFilter, params: unknown[]): string {
  const param = placeholders(params);
  const where = ['t.deleted_at IS NULL'];
  if (f.agreementId) where.push(`t.agreement_id = ${param(f.agreementId)}`);
  if (f.viewer) {
    const readable = readableAgreementIdSql(f.viewer, 't.agreement_id', param);
    // A unit's tasks across agreements are found by their lead units (tasks_lead_due_idx), then kept
    // if readable. Left bare, the readable agreements' ids look like an index condition on
    // tasks_agreement_due_idx at nearly the same cost, and that plan reads every task of every
    // readable agreement: 17 times slower at national scale. "IS TRUE" is the same test, never an index condition.
    where.push(f.leadUnits ? `(${readable}) IS TRUE` : readable);
  }
  if (f.leadUnits) where.push(`t.lead_org_id = ANY(${param(f.leadUnits)}::uuid[])`);
  if (f.areaId) where.push(`t.area_id = ${param(f.areaId)}`);
  for (const filter of statusFiltersOf(f)) where.push(filter.sql);
  if (f.stale !== undefined) where.push(f.stale ? taskStaleSql() : `(t.stale_from IS NULL OR NOT ${taskStaleSql()})`);
  if (f.obligor) where.push(`t.obligor = ${param(f.obligor)}`);
  if (f.awaiting) {
    // The predicate of tasks_awaiting_acceptance_idx, and the side that delivered.
    where.push(`t.delivered_on IS NOT NULL AND t.accepted_on IS NULL AND t.state = 'open'`);
    where.push(`t.delivered_by_side ${f.awaiting.by === 'otherSide' ? '<>' : '='} ${param(f.awaiting.side)}`);
  }
  if (f.partyOf) {
    where.push(
      `EXISTS (SELECT 1 FROM agreement_parties vp WHERE vp.agreement_id = t.agreement_id AND vp.organisation_id = ANY(${param(f.partyOf)}::uuid[]))`,
    );
  }
  if (f.dueFrom) where.push(`t.due_date >= ${param(f.dueFrom)}::date`);
  if (f.dueTo) where.push(`t.due_date <= ${param(f.dueTo)}::date`);
  for (const word of f.words) where.push(`t.search_text LIKE ${param(`%${escapeLike(word)}%`)}`);
  return where.join(' AND ');
}

export type TaskListRow = TaskRow & {
  agreementTitle: string;
  areaTitle: string;
  /** The parties of its agreement, on a list across agreements (`agreementId` null): what its side is worked out from. */
  agreementParties?: FactsRow['parties'];
};

/** The statements behind a task list: one page, and the number of matching tasks. */
export function taskListStatements(f: TaskListFilter): { page: Statement; count: Statement } {
  const countParams: unknown[] = [];
  // The status is worked out by the rules of each task's agreement: joined only when they are read.
  const byStatus = statusFiltersOf(f).some((s) => s.usesRules) || f.sort === 'status';
  const from = byStatus ? 'tasks t JOIN agreements ag ON ag.id = t.agreement_id' : 'tasks t';
  // One row past the bound says that there are more.
  const countWhere = whereOf(f, countParams);
  countParams.push(countBoundOf(f) + 1);
  const count = {
    text: `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} WHERE ${countWhere} LIMIT $${countParams.length}) matched`,
    values: countParams,
  };
  const params: unknown[] = [];
  const where = whereOf(f, params);
  const { sort } = listOrderOf(f);
  const ids = f.after ? keysetIds(f, from, where, params) : offsetIds(f, from, where, params);
  const page = {
    text: `WITH page AS (${ids})
      SELECT ${taskColumns}, ag.title AS "agreementTitle", ar.title AS "areaTitle", (${sortColumns[sort]})::text AS "sortKey"${
        f.agreementId === null ? `, ${agreementPartiesSql('ag')} AS "agreementParties"` : ''
      }
      FROM page JOIN tasks t ON t.id = page.id
      JOIN agreements ag ON ag.id = t.agreement_id
      JOIN areas ar ON ar.id = t.area_id
      LEFT JOIN organisations lo ON lo.id = t.lead_org_id
      ORDER BY ${orderBy(f)}`,
    values: params,
  };
  return { page, count };
}

/** The ids of a page by `offset`: every match before it is walked past. */
function offsetIds(f: TaskListFilter, from: string, where: string, params: unknown[]): string {
  // One row more than the page says whether there is a page after it.
  params.push(f.limit + 1, f.offset);
  return `SELECT t.id FROM ${from} WHERE ${where}
    ORDER BY ${orderBy(f)} LIMIT $${params.length - 1} OFFSET $${params.length}`;
}

/**
 * The ids of a page after a place in the list (`f.after`): the matches that come later in the
 * order, read from where that place is in an index. In ascending order `(key, id) > (…)` is a row
 * comparison an index on (…, key, id) starts from; descending (by key, then id ascending) the key
 * bounds the scan and the id breaks the tie. The tasks without a sort value come last in either
 * order: a second branch, read only as far as the page needs.
 */
function keysetIds(f: TaskListFilter, from: string, where: string, params: unknown[]): string {
  const after = f.after as TaskListCursor;
  const { sort, order } = listOrderOf(f);
  const col = sortColumns[sort];
  const type = sortTypes[sort];
  const param = placeholders(params);
  const id = param(after.id);
  const limit = param(f.limit + 1);
  const unset = `(SELECT t.id, 1 AS part, NULL::${type} AS k FROM ${from} WHERE ${where} AND ${col} IS NULL`;
  if (after.key === null) return `${unset} AND t.id > ${id}::uuid ORDER BY t.id LIMIT ${limit})`;
  const key = param(after.key);
  const later =
    order === 'asc'
      ? `(${col}, t.id) > (${key}::${type}, ${id}::uuid)`
      : `${col} <= ${key}::${type} AND (${col} < ${key}::${type} OR t.id > ${id}::uuid)`;
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  const laterIds = `(SELECT t.id, 0 AS part, ${col} AS k FROM ${from} WHERE ${where} AND ${later} ORDER BY ${col} ${direction}, t.id LIMIT ${limit})`;
  if (!sortNullable[sort]) return laterIds;
  return `SELECT id FROM (${laterIds} UNION ALL ${unset} ORDER BY t.id LIMIT ${limit})) later
    ORDER BY part, k ${direction}, id LIMIT ${limit}`;
}

/**
 * A page of a task list with its total: exact when there are no more matches than the bound
 * (`countBoundOf`), else the bound with `totalCapped` ("more than 1,000"); and the place after its
 * last task, from which the next page starts (null on the last page).
 */
export async function listTaskPage(
  db: Queryable,
  f: TaskListFilter,
): Promise<{ items: TaskListRow[]; total: number; totalCapped: boolean; next: TaskListCursor | null }> {
  const { page, count } = taskListStatements(f);
  const [rows, counted] = await Promise.all([
    db.query<TaskListRow & { sortKey: string | null }>(page.text, page.values),
    db.query<{ n: number }>(count.text, count.values),
  ]);
  const bound = countBoundOf(f);
  const n = counted.rows[0]?.n ?? 0;
  const shown = rows.rows.slice(0, f.limit);
  const last = shown.at(-1);
  const next = last && rows.rows.length > f.limit ? { ...listOrderOf(f), key: last.sortKey, id: last.id } : null;
  const items = shown.map(({ sortKey: _, ...row }) => row);
  return { items, total: Math.min(n, bound), totalCapped: n > bound, next };
}

/**
 * Keeps a task's last shared report up to date: after a report (or a delivery) shared with both
 * sides is written, or when one is deleted, the moment of the newest one still there.
 */
/** Writes (or, with null, takes back) the waiver of a task's "5 rõ" check, on a task its change holds locked. */
export async function writeWaiver(tx: Queryable, taskId: string, waiver: { reason: string; by: string } | null): Promise<void> {
  await tx.query(
    `UPDATE tasks SET clarity_waiver = $2, clarity_waived_by = $3, clarity_waived_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END,
       version = version + 1, updated_at = now() WHERE id = $1`,
    [taskId, waiver?.reason ?? null, waiver?.by ?? null],
  );
}

export async function refreshLastReported(tx: Queryable, taskId: string): Promise<void> {
  await tx.query(
    `UPDATE tasks SET last_reported_at = (SELECT max(created_at) FROM task_entries
       WHERE task_id = $1 AND kind = ANY($2::text[]) AND audience_side IS NULL AND deleted_at IS NULL)
     WHERE id = $1`,
    [taskId, reportingEntryKinds],
  );
}

export interface UnitReportingRow {
  unit: { id: string; name: string; nameEn: string | null } | null;
  underway: number;
  stale: number;
}

/**
 * Each lead unit of an agreement with tasks under way (open, started, not delivered), how many,
 * and how many of them are stale; the most stale first. Tasks with no lead unit are one row.
 */
/** The statement behind `unitReporting`'s counts (the benchmark runs it bare). */
export function unitReportingStatement(agreementId: string): Statement {
  return {
    text: `SELECT CASE WHEN lo.id IS NULL THEN NULL ELSE json_build_object('id', lo.id, 'name', lo.name_vi, 'nameEn', lo.name_en) END AS unit,
       count(*)::int AS underway, count(*) FILTER (WHERE ${taskStaleSql()})::int AS stale
     FROM tasks t LEFT JOIN organisations lo ON lo.id = t.lead_org_id
     WHERE t.agreement_id = $1 AND t.deleted_at IS NULL AND t.state = 'open' AND t.delivered_on IS NULL AND t.started_on IS NOT NULL
     GROUP BY lo.id, lo.name_vi, lo.name_en
     ORDER BY stale DESC, underway DESC, lo.name_vi NULLS LAST`,
    values: [agreementId],
  };
}

export type ObligorCountsRow = Omit<ObligorCounts, 'obligor'> & { obligor: Obligor };

/** The statement behind the two-sided counts: each party's tasks by where they stand, worked out as the lists filter. */
export function obligorCountsStatement(agreementId: string): Statement {
  const where = (statuses: TaskStatus[]) => taskStatusFilterSql(statuses).sql;
  return {
    text: `SELECT t.obligor, count(*)::int AS total,
       count(*) FILTER (WHERE ${where(['not_started', 'in_progress', 'at_risk'])})::int AS owing,
       count(*) FILTER (WHERE ${where(['overdue'])})::int AS overdue,
       count(*) FILTER (WHERE ${where(['delivered'])})::int AS delivered,
       count(*) FILTER (WHERE ${where(['completed_on_time'])})::int AS "completedOnTime",
       count(*) FILTER (WHERE ${where(['completed_late'])})::int AS "completedLate",
       count(*) FILTER (WHERE ${where(['paused', 'cancelled'])})::int AS stopped
     FROM tasks t JOIN agreements ag ON ag.id = t.agreement_id
     WHERE t.agreement_id = $1 AND t.deleted_at IS NULL GROUP BY t.obligor`,
    values: [agreementId],
  };
}

export async function unitReporting(
  db: Queryable,
  agreementId: string,
): Promise<{ cadence: ReportCadence; units: UnitReportingRow[]; byObligor: ObligorCountsRow[] }> {
  const counts = unitReportingStatement(agreementId);
  const parties = obligorCountsStatement(agreementId);
  const [agreement, { rows }, byObligor] = await Promise.all([
    db.query<{ cadence: ReportCadence }>('SELECT report_cadence AS cadence FROM agreements WHERE id = $1', [agreementId]),
    db.query<UnitReportingRow>(counts.text, counts.values),
    db.query<ObligorCountsRow>(parties.text, parties.values),
  ]);
  return { cadence: agreement.rows[0]?.cadence ?? 'monthly', units: rows, byObligor: byObligor.rows };
}
