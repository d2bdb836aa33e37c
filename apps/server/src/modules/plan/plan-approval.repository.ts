import type { PlanTaskSnapshot, PlanVersion, PlanVersionState, Side } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import type { Statement } from '../../db/sql.js';

// The only place with SQL for the plan's versions and the sides' decisions on them.

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const versionColumns = `v.id, v.agreement_id AS "agreementId", v.number, v.state, v.note, v.task_count AS "taskCount",
  json_build_object('id', su.id, 'name', su.display_name) AS "submittedBy", v.submitted_side AS "submittedSide",
  ${iso('v.submitted_at')} AS "submittedAt", ${iso('v.decided_at')} AS "decidedAt",
  COALESCE((SELECT json_agg(json_build_object('side', d.side, 'decision', d.decision,
      'by', json_build_object('id', du.id, 'name', du.display_name), 'note', d.note, 'at', ${iso('d.decided_at')}) ORDER BY d.decided_at)
    FROM plan_decisions d JOIN users du ON du.id = d.decided_by WHERE d.plan_version_id = v.id), '[]'::json) AS decisions,
  v.version`;

/**
 * Every version of the agreement's plan, newest first, without their tasks, and each one's content
 * hash (null: kept before hashes were, compared task by task), in one round trip.
 */
export const versionsStatement = (agreementId: string): Statement => ({
  text: `SELECT ${versionColumns}, v.snapshot_hash AS "snapshotHash" FROM plan_versions v JOIN users su ON su.id = v.submitted_by
     WHERE v.agreement_id = $1 ORDER BY v.number DESC`,
  values: [agreementId],
});

export async function listVersions(
  db: Queryable,
  agreementId: string,
): Promise<{ versions: PlanVersion[]; hashes: Map<string, string | null> }> {
  const { text, values } = versionsStatement(agreementId);
  const { rows } = await db.query<PlanVersion & { snapshotHash: string | null }>(text, values);
  const hashes = new Map<string, string | null>();
  const versions = rows.map(({ snapshotHash, ...v }) => {
    hashes.set(v.id, snapshotHash);
    return v;
  });
  return { versions, hashes };
}

export async function findVersion(
  db: Queryable,
  agreementId: string,
  id: string,
  { forUpdate = false } = {},
): Promise<PlanVersion | undefined> {
  const { rows } = await db.query<PlanVersion>(
    `SELECT ${versionColumns} FROM plan_versions v JOIN users su ON su.id = v.submitted_by
     WHERE v.id = $1 AND v.agreement_id = $2 ${forUpdate ? 'FOR UPDATE OF v' : ''}`,
    [id, agreementId],
  );
  return rows[0];
}

/** The tasks a version keeps, in the plan's order. */
export async function versionSnapshot(db: Queryable, id: string): Promise<PlanTaskSnapshot[]> {
  const { rows } = await db.query<{ snapshot: PlanTaskSnapshot[] }>('SELECT snapshot FROM plan_versions WHERE id = $1', [id]);
  return rows[0]?.snapshot ?? [];
}

/** Adds a version waiting for decisions, numbered after the last; the agreement is locked by the change. */
export async function insertVersion(
  tx: Queryable,
  v: {
    agreementId: string;
    note: string | null;
    snapshot: PlanTaskSnapshot[];
    /** SHA-256 of the domain's planContent of the snapshot. */
    snapshotHash: string;
    submittedBy: string;
    submittedSide: Side | null;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO plan_versions(agreement_id, number, note, snapshot, snapshot_hash, task_count, submitted_by, submitted_side)
     VALUES ($1, (SELECT COALESCE(max(number), 0) + 1 FROM plan_versions WHERE agreement_id = $1), $2, $3::jsonb, $4, $5, $6, $7)
     RETURNING id`,
    [v.agreementId, v.note, JSON.stringify(v.snapshot), v.snapshotHash, v.snapshot.length, v.submittedBy, v.submittedSide],
  );
  return (rows[0] as { id: string }).id;
}

export async function insertDecision(
  tx: Queryable,
  d: { versionId: string; side: Side; decision: 'approved' | 'returned'; by: string; note: string | null },
): Promise<void> {
  await tx.query('INSERT INTO plan_decisions(plan_version_id, side, decision, decided_by, note) VALUES ($1, $2, $3, $4, $5)', [
    d.versionId,
    d.side,
    d.decision,
    d.by,
    d.note,
  ]);
}

/** Moves a version its change holds locked to `state` (decided now, unless it still waits). */
export async function writeVersionState(tx: Queryable, id: string, state: PlanVersionState): Promise<void> {
  await tx.query(
    `UPDATE plan_versions SET state = $2, decided_at = CASE WHEN $2 = 'submitted' THEN NULL ELSE now() END, version = version + 1
     WHERE id = $1`,
    [id, state],
  );
}
