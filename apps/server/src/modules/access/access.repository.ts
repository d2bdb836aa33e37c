import type { Queryable } from '../../db/pool.js';

export interface OrgReach {
  /** The user's organisation, every organisation above and below it, and their predecessors. */
  reach: string[];
  /** The user's organisation, every organisation below it, and their predecessors. */
  down: string[];
}

/**
 * The organisations a user acts for, as a query over `org` (an SQL expression: a parameter, or a
 * column of an outer query when used in a LATERAL join). An organisation that merged points to its
 * successor, so the successor's people reach what the predecessor signed (Hải Dương 2022 → Hải Phòng).
 */
export function orgReachSql(org: string): string {
  // Each step looks its rows up through an index (LATERAL, kept apart from the join by OFFSET 0),
  // rather than the hash join over every organisation that the planner picks for a work table it
  // cannot size.
  return `WITH RECURSIVE
     up(id, parent_id) AS (
       SELECT id, parent_id FROM organisations WHERE id = ${org}
       UNION SELECT o.id, o.parent_id FROM up CROSS JOIN LATERAL (SELECT id, parent_id FROM organisations WHERE id = up.parent_id OFFSET 0) o),
     down(id) AS (
       SELECT id FROM organisations WHERE id = ${org}
       UNION SELECT o.id FROM down CROSS JOIN LATERAL (SELECT id FROM organisations WHERE parent_id = down.id OFFSET 0) o),
     base(id, is_down) AS (SELECT id, true FROM down UNION SELECT id, false FROM up),
     pred(id, is_down) AS (
       SELECT id, is_down FROM base
       UNION SELECT o.id, pred.is_down FROM pred CROSS JOIN LATERAL (SELECT id FROM organisations WHERE successor_id = pred.id OFFSET 0) o),
     reach(id, is_down) AS (SELECT id, bool_or(is_down) FROM pred GROUP BY id)
     SELECT array_agg(id) AS reach, COALESCE(array_agg(id) FILTER (WHERE is_down), '{}') AS down FROM reach`;
}

export async function loadOrgReach(db: Queryable, organisationId: string): Promise<OrgReach> {
  const { rows } = await db.query<OrgReach>(orgReachSql('$1'), [organisationId]);
  return { reach: rows[0]?.reach ?? [], down: rows[0]?.down ?? [] };
}

/** An organisation, everything below it, and their predecessors: what "Hải Phòng" covers in a filter. */
export async function loadSubtreeWithPredecessors(db: Queryable, organisationId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `WITH RECURSIVE
     down(id) AS (
       SELECT id FROM organisations WHERE id = $1
       UNION SELECT o.id FROM down CROSS JOIN LATERAL (
         SELECT id FROM organisations WHERE parent_id = down.id
         UNION ALL SELECT id FROM organisations WHERE successor_id = down.id OFFSET 0) o)
     SELECT id FROM down`,
    [organisationId],
  );
  return rows.map((r) => r.id);
}
