import type { Area, AreaTheme, ClarityFacts, ReadinessFacts, SnapshotTask, Task } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { prepared, type NamedStatement, type Statement } from '../../db/sql.js';
import { taskColumnsWith, type TaskRow } from '../tasks/task.repository.js';

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
        SELECT ${taskColumnsWith(`COALESCE(co.units, '[]'::json)`)}
        FROM tasks t JOIN agreements ag ON ag.id = t.agreement_id
        LEFT JOIN organisations lo ON lo.id = t.lead_org_id LEFT JOIN co ON co.task_id = t.id
        WHERE t.agreement_id = $1 AND t.deleted_at IS NULL ORDER BY t.depth, t.position, t.id`,
      values: [agreementId],
    },
  };
}

/**
 * A stamp of everything the plan tree is made of, without reading it: the count and the summed
 * hashes of each live task's write stamp (a number drawn from one sequence by a row trigger on
 * every write of the row, whichever path writes it: `20261207020000_task_write_stamp.sql`), read
 * from an index; the same of each row's `xmin` (the transaction that wrote that version of it)
 * over the agreement's areas, the agreement itself (its status rules) and the users who waived a
 * task's "5 rõ" (their names); and the organisation tree's generation (the units' names: bumped by
 * a statement trigger on any write to `organisations`, so one row is read, not 4,590). Any write to
 * any of those rows — an edit, a sibling's shifted position, a parent's rolled-up progress, a
 * report's time, a rename — changes its term, and so the stamp; a write that commits later than
 * another still changes its own rows' term (a max() would not). A task's coordinating units are
 * written with the task row (`writeCoordinators`, only by `insertTask`, `updateTask` and the
 * import's insert). An index-only scan: it no longer visits the tasks' heap pages (2.3 ms of
 * PostgreSQL's CPU for 1,270 tasks when it did; docs/PERFORMANCE.md).
 */
export const planStampStatement = prepared(
  'plan_stamp',
  `WITH t AS (
    SELECT count(*) AS n, COALESCE(sum(hashint8extended(write_stamp, 0)), 0) AS h,
      array_agg(clarity_waived_by) FILTER (WHERE clarity_waived_by IS NOT NULL) AS waived
    FROM tasks WHERE agreement_id = $1 AND deleted_at IS NULL)
  SELECT concat_ws(':', t.n || '.' || t.h,
    (SELECT count(*) || '.' || COALESCE(sum(hashtextextended(a.xmin::text, 0)), 0) FROM areas a WHERE a.agreement_id = $1 AND a.deleted_at IS NULL),
    (SELECT ag.xmin::text FROM agreements ag WHERE ag.id = $1),
    (SELECT g.n FROM organisation_generation g),
    (SELECT COALESCE(sum(hashtextextended(u.xmin::text, 0)), 0) FROM users u WHERE u.id = ANY(t.waived))
  ) AS stamp FROM t`,
);

export async function planStamp(db: Queryable, agreementId: string): Promise<string> {
  const { rows } = await db.query<{ stamp: string }>(planStampStatement([agreementId]));
  return rows[0]?.stamp ?? '';
}

export async function listAreas(db: Queryable, agreementId: string): Promise<Area[]> {
  const { areas } = planStatements(agreementId);
  return (await db.query<Area>(areas.text, areas.values)).rows;
}

export async function findArea(db: Queryable, agreementId: string, id: string, { forUpdate = false } = {}): Promise<Area | undefined> {
  const { rows } = await db.query<Area>(
    `SELECT ${areaColumns} FROM areas WHERE id = $1 AND agreement_id = $2 AND deleted_at IS NULL ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id, agreementId],
  );
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

/** Writes an area its change holds locked. */
export async function updateArea(
  tx: Queryable,
  id: string,
  a: { theme: AreaTheme | null; title: string; description: string | null; position: number },
): Promise<Area> {
  const { rows } = await tx.query<Area>(
    `UPDATE areas SET theme=$2, title=$3, description=$4, position=$5, version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING ${areaColumns}`,
    [id, a.theme, a.title, a.description, a.position],
  );
  return rows[0] as Area;
}

/** Soft-deletes an area its change holds locked (its tasks are deleted, each with its history, by the service). */
export async function softDeleteArea(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE areas SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = $1', [id]);
}

export async function listTasks(db: Queryable, agreementId: string): Promise<TaskRow[]> {
  const { tasks } = planStatements(agreementId);
  return (await db.query<TaskRow>(tasks.text, tasks.values)).rows;
}

/** A task as a version of the plan keeps it and as its readiness is checked. */
export type SnapshotRow = SnapshotTask & ReadinessFacts;

/**
 * Every task of the agreement with only what a version of the plan keeps and the "5 rõ" check
 * reads: lighter than the plan tree's rows (no status rules, no delivery, no permissions).
 */
export function snapshotTasksStatement(agreementId: string): Statement {
  return {
    text: `WITH co AS (
        SELECT tc.task_id, json_agg(json_build_object('name', o.name_vi) ORDER BY tc.position) AS units
        FROM tasks ct JOIN task_coordinators tc ON tc.task_id = ct.id JOIN organisations o ON o.id = tc.organisation_id
        WHERE ct.agreement_id = $1 AND ct.deleted_at IS NULL GROUP BY tc.task_id)
      SELECT t.id, t.area_id AS "areaId", t.parent_id AS "parentId", t.position, t.title, t.description, t.obligor,
        t.lead_org_id AS "leadUnitId", CASE WHEN lo.id IS NULL THEN NULL ELSE json_build_object('name', lo.name_vi) END AS "leadUnit",
        COALESCE(co.units, '[]'::json) AS "coordinatingUnits", t.responsible_person AS "responsiblePerson",
        t.start_date AS "startDate", t.due_date AS "dueDate", t.expected_product AS "expectedProduct", t.decided_by AS "decidedBy",
        t.weight::float8 AS weight, t.clarity_waiver AS "clarityWaiver"
      FROM tasks t LEFT JOIN organisations lo ON lo.id = t.lead_org_id LEFT JOIN co ON co.task_id = t.id
      WHERE t.agreement_id = $1 AND t.deleted_at IS NULL`,
    values: [agreementId],
  };
}

export async function listSnapshotTasks(db: Queryable, agreementId: string): Promise<SnapshotRow[]> {
  const { text, values } = snapshotTasksStatement(agreementId);
  return (await db.query<SnapshotRow>(text, values)).rows;
}

/** A task whose stored "5 rõ" is not worked out yet, as the outline checks it itself: its area and its facts. */
export type OutlineFact = ClarityFacts & { areaId: string };

/** An area's counts and its tasks' stored "5 rõ" summed, without and with who decides. */
export interface OutlineTally {
  areaId: string;
  taskCount: number;
  topLevelCount: number;
  /** The tasks whose check is stored (the rest come as OutlineFact). */
  checked: number;
  met: number;
  clear: number;
  metWithAuthority: number;
  clearWithAuthority: number;
}

/**
 * The statements behind the plan's outline: each area's counts and stored "5 rõ" sums (`of` and
 * `ofWithAuthority`: the criteria a clear task meets), the facts of any task not checked yet, and
 * the agreement's authority rule with the units that lead a task.
 */
export function outlineStatements(
  agreementId: string,
  { of, ofWithAuthority }: { of: number; ofWithAuthority: number },
): { tallies: Statement; unchecked: Statement; extras: Statement } {
  return {
    tallies: {
      text: `SELECT area_id AS "areaId", count(*)::int AS "taskCount", count(*) FILTER (WHERE parent_id IS NULL)::int AS "topLevelCount",
          count(clarity_met)::int AS checked, COALESCE(sum(clarity_met), 0)::int AS met,
          count(*) FILTER (WHERE clarity_met = $2)::int AS clear, COALESCE(sum(clarity_met_authority), 0)::int AS "metWithAuthority",
          count(*) FILTER (WHERE clarity_met_authority = $3)::int AS "clearWithAuthority"
        FROM tasks WHERE agreement_id = $1 AND deleted_at IS NULL GROUP BY area_id`,
      values: [agreementId, of, ofWithAuthority],
    },
    unchecked: {
      text: `SELECT t.area_id AS "areaId", t.title, t.description, t.responsible_person AS "responsiblePerson",
          t.start_date AS "startDate", t.due_date AS "dueDate", t.lead_org_id AS "leadUnitId", t.expected_product AS "expectedProduct",
          t.decided_by AS "decidedBy"
        FROM tasks t WHERE t.agreement_id = $1 AND t.clarity_met IS NULL AND t.deleted_at IS NULL`,
      values: [agreementId],
    },
    extras: {
      text: `SELECT (SELECT checks_authority FROM agreements WHERE id = $1) AS "checksAuthority",
          COALESCE((SELECT json_agg(json_build_object('id', o.id, 'name', o.name_vi, 'nameEn', o.name_en) ORDER BY o.name_vi, o.id)
            FROM organisations o WHERE o.id IN (SELECT lead_org_id FROM tasks WHERE agreement_id = $1 AND deleted_at IS NULL)), '[]'::json) AS "leadUnits"`,
      values: [agreementId],
    },
  };
}

type Criteria = Parameters<typeof outlineStatements>[1];

export async function listOutlineTallies(db: Queryable, agreementId: string, criteria: Criteria): Promise<OutlineTally[]> {
  const { tallies } = outlineStatements(agreementId, criteria);
  return (await db.query<OutlineTally>(tallies.text, tallies.values)).rows;
}

export async function listUncheckedFacts(db: Queryable, agreementId: string, criteria: Criteria): Promise<OutlineFact[]> {
  const { unchecked } = outlineStatements(agreementId, criteria);
  return (await db.query<OutlineFact>(unchecked.text, unchecked.values)).rows;
}

export async function outlineExtras(
  db: Queryable,
  agreementId: string,
): Promise<{ checksAuthority: boolean; leadUnits: NonNullable<Task['leadUnit']>[] }> {
  const { extras } = outlineStatements(agreementId, { of: 0, ofWithAuthority: 0 });
  const { rows } = await db.query<{ checksAuthority: boolean; leadUnits: NonNullable<Task['leadUnit']>[] }>(extras.text, extras.values);
  return rows[0] ?? { checksAuthority: false, leadUnits: [] };
}

/** The top-level tasks of an area in the order shown: by position, then id (as the tree sorts them). */
const topLevelOfArea = `SELECT id FROM tasks WHERE area_id = $2 AND agreement_id = $1 AND parent_id IS NULL AND deleted_at IS NULL`;

/**
 * A page of an area's tasks: its top-level tasks from `from`, `limit` of them (read from
 * tasks_area_top_idx), and every task below them, level by level; as the plan tree's rows.
 * The tasks are then read by id from an array of the tree's ids, each with its units by a
 * lateral look-up: a join on the recursive part itself is planned for thousands of rows (it
 * cannot be estimated), which picks hash joins over whole tables for what is a hundred rows.
 * Prepared: planning it took longer than running it (0.6 of 1.7 ms, docs/PERFORMANCE.md).
 */
const areaPage = prepared(
  'plan.area-page',
  `WITH RECURSIVE top AS (${topLevelOfArea} ORDER BY position, id OFFSET $3 LIMIT $4),
      tree AS (SELECT id FROM top UNION ALL SELECT c.id FROM tasks c JOIN tree ON c.parent_id = tree.id WHERE c.deleted_at IS NULL)
    SELECT ${taskColumnsWith(`COALESCE(co.units, '[]'::json)`)}
    FROM tasks t JOIN agreements ag ON ag.id = t.agreement_id LEFT JOIN organisations lo ON lo.id = t.lead_org_id
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('id', o.id, 'name', o.name_vi, 'nameEn', o.name_en) ORDER BY tc.position) AS units
      FROM task_coordinators tc JOIN organisations o ON o.id = tc.organisation_id WHERE tc.task_id = t.id) co ON true
    WHERE t.id = ANY(ARRAY(SELECT id FROM tree))
    ORDER BY t.depth, t.position, t.id`,
);

export function areaPageStatement(agreementId: string, areaId: string, from: number, limit: number): NamedStatement {
  return areaPage([agreementId, areaId, from, limit]);
}

export async function listAreaPage(db: Queryable, agreementId: string, areaId: string, from: number, limit: number): Promise<TaskRow[]> {
  return (await db.query<TaskRow>(areaPageStatement(agreementId, areaId, from, limit))).rows;
}

/**
 * How many top-level tasks an area holds; no row when the agreement has no such area. The area
 * is the agreement's (checked on the area's row), so its tasks are counted from the index alone.
 */
const topLevelCount = prepared(
  'plan.area-top-count',
  `SELECT (SELECT count(*)::int FROM tasks WHERE area_id = $2 AND parent_id IS NULL AND deleted_at IS NULL) AS n
   FROM areas WHERE id = $2 AND agreement_id = $1 AND deleted_at IS NULL`,
);

export function countTopLevelStatement(agreementId: string, areaId: string): NamedStatement {
  return topLevelCount([agreementId, areaId]);
}

/** How many top-level tasks an area holds, or undefined when the agreement has no such area. */
export async function countTopLevel(db: Queryable, agreementId: string, areaId: string): Promise<number | undefined> {
  return (await db.query<{ n: number }>(countTopLevelStatement(agreementId, areaId))).rows[0]?.n;
}

/**
 * Where, among the area's top-level tasks, sits the one that holds `taskId` (itself, or an
 * ancestor of it): its 0-based index, or undefined when the task is not in the area.
 */
const topLevelIndex = prepared(
  'plan.area-top-index',
  `WITH RECURSIVE up AS (
        SELECT id, parent_id FROM tasks WHERE id = $3 AND area_id = $2 AND agreement_id = $1 AND deleted_at IS NULL
        UNION ALL SELECT p.id, p.parent_id FROM tasks p JOIN up ON p.id = up.parent_id)
      SELECT (SELECT count(*)::int FROM tasks s WHERE s.area_id = $2 AND s.agreement_id = $1 AND s.parent_id IS NULL AND s.deleted_at IS NULL
          AND (s.position, s.id) < (r.position, r.id)) AS n
      FROM up JOIN tasks r ON r.id = up.id WHERE up.parent_id IS NULL`,
);

export async function topLevelIndexOf(db: Queryable, agreementId: string, areaId: string, taskId: string): Promise<number | undefined> {
  return (await db.query<{ n: number }>(topLevelIndex([agreementId, areaId, taskId]))).rows[0]?.n;
}
