import type { ExistingPlan, Sheet, Side, UnitCandidate } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';

// The SQL of plan imports: the previews kept, the units a sheet may name, the plan as it is.

export interface ImportRow {
  id: string;
  agreementId: string;
  createdBy: string;
  fileName: string;
  sha256: string;
  sheet: Sheet;
  state: 'previewed' | 'applied';
  createdAt: string;
  appliedAt: string | null;
  version: number;
}

const columnsButSheet = `id, agreement_id AS "agreementId", created_by AS "createdBy", file_name AS "fileName", sha256, state,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "appliedAt", version`;
const columns = `${columnsButSheet}, sheet`;

export async function insertImport(
  tx: Queryable,
  i: { agreementId: string; createdBy: string; fileName: string; sha256: string; sheet: Sheet },
): Promise<ImportRow> {
  // The sheet is not read back: 10,000 rows are 4 MB of JSON, parsed again into a copy of what is here.
  const { rows } = await tx.query<Omit<ImportRow, 'sheet'>>(
    `INSERT INTO plan_imports(agreement_id, created_by, file_name, sha256, sheet, row_count)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${columnsButSheet}`,
    [i.agreementId, i.createdBy, i.fileName, i.sha256, JSON.stringify(i.sheet), i.sheet.rows.length],
  );
  return { ...(rows[0] as Omit<ImportRow, 'sheet'>), sheet: i.sheet };
}

/** A preview of this agreement made by `userId` (another user's preview is not theirs to see or apply). */
export async function findImport(
  db: Queryable,
  agreementId: string,
  id: string,
  userId: string,
  { forUpdate = false } = {},
): Promise<ImportRow | undefined> {
  const { rows } = await db.query<ImportRow>(
    `SELECT ${columns} FROM plan_imports WHERE id = $1 AND agreement_id = $2 AND created_by = $3 ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id, agreementId, userId],
  );
  return rows[0];
}

export async function markApplied(tx: Queryable, id: string, created: number): Promise<void> {
  await tx.query(`UPDATE plan_imports SET state = 'applied', applied_at = now(), created_count = $2, version = version + 1 WHERE id = $1`, [
    id,
    created,
  ]);
}

/** Previews nobody applied within a day: their cells are not kept longer. */
export async function removeStalePreviews(tx: Queryable, agreementId: string): Promise<void> {
  await tx.query(`DELETE FROM plan_imports WHERE agreement_id = $1 AND state = 'previewed' AND created_at < now() - interval '1 day'`, [
    agreementId,
  ]);
}

/** The last time a file with this SHA-256 was applied to the agreement, and by whom. */
export async function lastApplied(db: Queryable, agreementId: string, sha256: string): Promise<{ at: string; by: string } | null> {
  const { rows } = await db.query<{ at: string; by: string }>(
    `SELECT to_char(i.applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, u.display_name AS by
     FROM plan_imports i JOIN users u ON u.id = i.created_by
     WHERE i.agreement_id = $1 AND i.sha256 = $2 AND i.state = 'applied' ORDER BY i.applied_at DESC LIMIT 1`,
    [agreementId, sha256],
  );
  return rows[0] ?? null;
}

/**
 * The units a sheet may name: every organisation in force, `related` when it is one of the
 * agreement's parties, their successors or predecessors (a merged province), or below one of them.
 */
export async function unitCandidates(db: Queryable, agreementId: string): Promise<UnitCandidate[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    shortName: string | null;
    code: string | null;
    side: Side;
    related: boolean;
  }>(
    `WITH RECURSIVE parties AS (
       SELECT organisation_id AS id FROM agreement_parties WHERE agreement_id = $1),
     roots AS (
       SELECT id FROM parties
       UNION SELECT o.successor_id FROM organisations o JOIN parties p ON p.id = o.id WHERE o.successor_id IS NOT NULL
       UNION SELECT o.id FROM organisations o JOIN parties p ON o.successor_id = p.id),
     tree AS (
       SELECT id FROM roots
       UNION SELECT c.id FROM organisations c JOIN tree t ON c.parent_id = t.id)
     SELECT o.id, o.name_vi AS name, o.short_name AS "shortName", o.code, o.side, EXISTS (SELECT 1 FROM tree t WHERE t.id = o.id) AS related
     FROM organisations o
     WHERE o.valid_to IS NULL OR o.valid_to >= current_date OR EXISTS (SELECT 1 FROM tree t WHERE t.id = o.id)`,
    [agreementId],
  );
  return rows;
}

/** The plan's areas and tasks, as an import matches rows to them (with each task's depth). */
export async function existingPlan(db: Queryable, agreementId: string): Promise<ExistingPlan & { depths: Map<string, number> }> {
  const areas = await db.query<{ id: string; title: string }>(
    'SELECT id, title FROM areas WHERE agreement_id = $1 AND deleted_at IS NULL ORDER BY position',
    [agreementId],
  );
  const tasks = await db.query<{ id: string; areaId: string; parentId: string | null; title: string; depth: number }>(
    `SELECT id, area_id AS "areaId", parent_id AS "parentId", title, depth FROM tasks WHERE agreement_id = $1 AND deleted_at IS NULL`,
    [agreementId],
  );
  return { areas: areas.rows, tasks: tasks.rows, depths: new Map(tasks.rows.map((t) => [t.id, t.depth])) };
}
