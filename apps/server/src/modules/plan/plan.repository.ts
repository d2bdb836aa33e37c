import type { Area, AreaTheme, Obligor, Task, TaskStatus } from '@accord/domain';
import { foldForSearch } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import type { Statement } from '../../db/sql.js';

const areaColumns = `id, agreement_id AS "agreementId", theme, title, description, position, version`;

/** The statements behind the plan tree: the areas, and every task of the agreement. */
export function planStatements(agreementId: string): { areas: Statement; tasks: Statement } {
  return {
    areas: {
      text: `SELECT ${areaColumns} FROM areas WHERE agreement_id = $1 AND deleted_at IS NULL ORDER BY position, title`,
      values: [agreementId],
    },
    // Every task of the agreement: the coordinating units in one grouped pass, not one sub-query per task.
    tasks: {
      text: `WITH co AS (
          SELECT tc.task_id, json_agg(json_build_object('id', o.id, 'name', o.name_vi, 'nameEn', o.name_en) ORDER BY tc.position) AS units
          FROM tasks ct JOIN task_coordinators tc ON tc.task_id = ct.id JOIN organisations o ON o.id = tc.organisation_id
          WHERE ct.agreement_id = $1 AND ct.deleted_at IS NULL GROUP BY tc.task_id)
        SELECT ${columnsWith(`COALESCE(co.units, '[]'::json)`)}
        FROM tasks t LEFT JOIN organisations lo ON lo.id = t.lead_org_id LEFT JOIN co ON co.task_id = t.id
        WHERE t.agreement_id = $1 AND t.deleted_at IS NULL ORDER BY t.depth, t.position`,
      values: [agreementId],
    },
  };
}

export async function listAreas(db: Queryable, agreementId: string): Promise<Area[]> {
  const { areas } = planStatements(agreementId);
  return (await db.query<Area>(areas.text, areas.values)).rows;
}

export async function findArea(db: Queryable, agreementId: string, id: string): Promise<Area | undefined> {
  const { rows } = await db.query<Area>(`SELECT ${areaColumns} FROM areas WHERE id = $1 AND agreement_id = $2 AND deleted_at IS NULL`, [
    id,
    agreementId,
  ]);
  return rows[0];
}

export async function insertArea(
  tx: Queryable,
  agreementId: string,
  a: { theme: AreaTheme | null; title: string; description: string | null },
): Promise<Area> {
  const { rows } = await tx.query<Area>(
    `INSERT INTO areas(agreement_id, theme, title, description, position)
     VALUES ($1, $2, $3, $4, (SELECT COALESCE(max(position) + 1, 0) FROM areas WHERE agreement_id = $1 AND deleted_at IS NULL))
     RETURNING ${areaColumns}`,
    [agreementId, a.theme, a.title, a.description],
  );
  return rows[0] as Area;
}

export async function updateArea(
  tx: Queryable,
  id: string,
  version: number,
  a: { theme: AreaTheme | null; title: string; description: string | null; position: number },
): Promise<Area | undefined> {
  const { rows } = await tx.query<Area>(
    `UPDATE areas SET theme=$3, title=$4, description=$5, position=$6, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING ${areaColumns}`,
    [id, version, a.theme, a.title, a.description, a.position],
  );
  return rows[0];
}

export async function softDeleteArea(tx: Queryable, id: string, version: number): Promise<boolean> {
  const r = await tx.query(
    'UPDATE areas SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 AND deleted_at IS NULL',
    [id, version],
  );
  if (r.rowCount !== 1) return false;
  await tx.query('UPDATE tasks SET deleted_at = now(), updated_at = now() WHERE area_id = $1 AND deleted_at IS NULL', [id]);
  return true;
}

export type TaskRow = Omit<Task, 'canEdit' | 'canManage'> & { depth: number };

const coordinatorsOfTask = `COALESCE((SELECT json_agg(json_build_object('id', co.id, 'name', co.name_vi, 'nameEn', co.name_en) ORDER BY tc.position)
    FROM task_coordinators tc JOIN organisations co ON co.id = tc.organisation_id WHERE tc.task_id = t.id), '[]'::json)`;

/** A task's columns in the API's shape, its coordinating units from `coordinators` (an expression). */
function columnsWith(coordinators: string): string {
  return `t.id, t.agreement_id AS "agreementId", t.area_id AS "areaId", t.parent_id AS "parentId",
  t.position, t.depth, t.code, t.title, t.description, t.obligor,
  CASE WHEN lo.id IS NULL THEN NULL ELSE json_build_object('id', lo.id, 'name', lo.name_vi, 'nameEn', lo.name_en) END AS "leadUnit",
  ${coordinators} AS "coordinatingUnits",
  t.responsible_person AS "responsiblePerson", t.start_date AS "startDate", t.due_date AS "dueDate",
  t.expected_product AS "expectedProduct", t.status, t.version,
  to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;
}

/** A task's columns in the API's shape; needs `tasks t` and `organisations lo` (its lead unit, left-joined). */
export const taskColumns = columnsWith(coordinatorsOfTask);

const taskSelect = `SELECT ${taskColumns} FROM tasks t LEFT JOIN organisations lo ON lo.id = t.lead_org_id`;

export async function listTasks(db: Queryable, agreementId: string): Promise<TaskRow[]> {
  const { tasks } = planStatements(agreementId);
  return (await db.query<TaskRow>(tasks.text, tasks.values)).rows;
}

export async function findTask(
  db: Queryable,
  agreementId: string,
  id: string,
  { forUpdate = false, includeDeleted = false } = {},
): Promise<TaskRow | undefined> {
  const { rows } = await db.query<TaskRow>(
    `${taskSelect} WHERE t.id = $1 AND t.agreement_id = $2 ${includeDeleted ? '' : 'AND t.deleted_at IS NULL'} ${forUpdate ? 'FOR UPDATE OF t' : ''}`,
    [id, agreementId],
  );
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
  status: TaskStatus;
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

export async function insertTask(
  tx: Queryable,
  place: { agreementId: string; areaId: string; parentId: string | null; depth: number },
  t: TaskWrite,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO tasks(agreement_id, area_id, parent_id, depth, position, code, title, description, obligor, lead_org_id,
       responsible_person, start_date, due_date, expected_product, status, search_text)
     VALUES ($1, $2, $3, $4,
       (SELECT COALESCE(max(position) + 1, 0) FROM tasks WHERE area_id = $2 AND parent_id IS NOT DISTINCT FROM $3 AND deleted_at IS NULL),
       $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     RETURNING id`,
    [
      place.agreementId,
      place.areaId,
      place.parentId,
      place.depth,
      t.code,
      t.title,
      t.description,
      t.obligor,
      t.leadUnitId,
      t.responsiblePerson,
      t.startDate,
      t.dueDate,
      t.expectedProduct,
      t.status,
      taskSearchText(t),
    ],
  );
  const id = (rows[0] as { id: string }).id;
  await writeCoordinators(tx, id, t.coordinatingUnitIds);
  return id;
}

export async function updateTask(tx: Queryable, id: string, version: number, t: TaskWrite, coordinatorsChanged: boolean): Promise<boolean> {
  const r = await tx.query(
    `UPDATE tasks SET code=$3, title=$4, description=$5, obligor=$6, lead_org_id=$7, responsible_person=$8, start_date=$9,
       due_date=$10, expected_product=$11, status=$12, search_text=$13, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 AND deleted_at IS NULL`,
    [
      id,
      version,
      t.code,
      t.title,
      t.description,
      t.obligor,
      t.leadUnitId,
      t.responsiblePerson,
      t.startDate,
      t.dueDate,
      t.expectedProduct,
      t.status,
      taskSearchText(t),
    ],
  );
  if (r.rowCount !== 1) return false;
  if (coordinatorsChanged) await writeCoordinators(tx, id, t.coordinatingUnitIds);
  return true;
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
 * Moves a task (with its sub-tasks) to a new place: siblings at and after the new position
 * shift down, the gap it leaves closes, and its subtree follows it into the new area.
 */
export async function moveTask(
  tx: Queryable,
  task: { id: string; areaId: string; parentId: string | null; position: number; version: number },
  to: { areaId: string; parentId: string | null; position: number; depth: number },
): Promise<boolean> {
  const r = await tx.query('UPDATE tasks SET position = -1 WHERE id = $1 AND version = $2 AND deleted_at IS NULL', [task.id, task.version]);
  if (r.rowCount !== 1) return false;
  await tx.query(
    `UPDATE tasks SET position = position - 1 WHERE area_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND position > $3 AND deleted_at IS NULL AND id <> $4`,
    [task.areaId, task.parentId, task.position, task.id],
  );
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
  await tx.query(
    `WITH RECURSIVE down(id, depth) AS (
       SELECT id, $3::int FROM tasks WHERE parent_id = $1
       UNION ALL SELECT t.id, down.depth + 1 FROM tasks t JOIN down ON t.parent_id = down.id)
     UPDATE tasks SET area_id = $2, depth = down.depth FROM down WHERE tasks.id = down.id`,
    [task.id, to.areaId, to.depth + 1],
  );
  return true;
}

/** Soft-deletes a task and everything under it; returns false when the version is stale. */
export async function softDeleteTask(tx: Queryable, id: string, version: number): Promise<boolean> {
  const r = await tx.query(
    'UPDATE tasks SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 AND deleted_at IS NULL',
    [id, version],
  );
  if (r.rowCount !== 1) return false;
  await tx.query(
    `WITH RECURSIVE down(id) AS (
       SELECT id FROM tasks WHERE parent_id = $1
       UNION ALL SELECT t.id FROM tasks t JOIN down ON t.parent_id = down.id)
     UPDATE tasks SET deleted_at = now(), updated_at = now() FROM down WHERE tasks.id = down.id AND tasks.deleted_at IS NULL`,
    [id],
  );
  return true;
}

export async function closeGap(tx: Queryable, t: { areaId: string; parentId: string | null; position: number }): Promise<void> {
  await tx.query(
    `UPDATE tasks SET position = position - 1 WHERE area_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND position > $3 AND deleted_at IS NULL`,
    [t.areaId, t.parentId, t.position],
  );
}
