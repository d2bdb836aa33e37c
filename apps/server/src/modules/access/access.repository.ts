import type { Queryable } from '../../db/pool.js';
import { prepared } from '../../db/sql.js';
import type { Viewer } from './viewer.js';

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

/** The ids of an organisation (an SQL expression), everything below it, and their predecessors. */
export function subtreeWithPredecessorsSql(org: string): string {
  return `WITH RECURSIVE
     down(id) AS (
       SELECT id FROM organisations WHERE id = ${org}
       UNION SELECT o.id FROM down CROSS JOIN LATERAL (
         SELECT id FROM organisations WHERE parent_id = down.id
         UNION ALL SELECT id FROM organisations WHERE successor_id = down.id OFFSET 0) o)
     SELECT id FROM down`;
}

/** An organisation, everything below it, and their predecessors: what "Hải Phòng" covers in a filter. */
export async function loadSubtreeWithPredecessors(db: Queryable, organisationId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(subtreeWithPredecessorsSql('$1'), [organisationId]);
  return rows.map((r) => r.id);
}

/**
 * The same, for a viewer whose session came with the organisation tree's generation: from this
 * instance's cache of that generation (`ReachCache`), else read.
 */
export function subtreeFor(db: Queryable, viewer: Viewer, organisationId: string): Promise<readonly string[]> {
  return viewer.subtree ? viewer.subtree(db, organisationId) : loadSubtreeWithPredecessors(db, organisationId);
}

export interface FactsRow {
  id: string;
  visibility: 'parties' | 'public';
  status: string;
  parties: { organisationId: string; side: 'government' | 'enterprise' }[];
}

/**
 * The parties of the agreement row `a` (an SQL alias), as access reads them: each organisation with
 * its side. A statement that lists rows of several agreements reads them with its rows.
 */
export function agreementPartiesSql(a: string): string {
  return `COALESCE(ARRAY(SELECT json_build_object('organisationId', p.organisation_id, 'side', p.side) FROM agreement_parties p WHERE p.agreement_id = ${a}.id), '{}')`;
}

const factsSelect = `SELECT a.id, a.visibility, a.status, ${agreementPartiesSql('a')} AS parties
  FROM agreements a`;

export type RowLock = 'share' | 'update';

// Every request about an agreement starts here: prepared, in each of its forms.
const factsStatements = {
  none: prepared('agreement.facts', `${factsSelect} WHERE a.id = $1 AND a.deleted_at IS NULL`),
  share: prepared('agreement.facts.share', `${factsSelect} WHERE a.id = $1 AND a.deleted_at IS NULL FOR SHARE OF a`),
  update: prepared('agreement.facts.update', `${factsSelect} WHERE a.id = $1 AND a.deleted_at IS NULL FOR UPDATE OF a`),
};

/** The statement behind `findAgreementFacts` (the benchmark runs it bare). */
export function agreementFactsStatement(agreementId: string, lock?: RowLock) {
  return factsStatements[lock ?? 'none']([agreementId]);
}

/** What access to a live agreement depends on (undefined when it is missing or deleted); `lock` holds its row. */
export async function findAgreementFacts(
  db: Queryable,
  agreementId: string,
  { lock }: { lock?: RowLock } = {},
): Promise<{ parties: FactsRow['parties']; visibility: FactsRow['visibility']; status: string } | undefined> {
  const { rows } = await db.query<FactsRow>(agreementFactsStatement(agreementId, lock));
  return rows[0];
}

/** The same for several agreements at once, by id. */
export async function findAgreementFactsMany(db: Queryable, ids: readonly string[]): Promise<Map<string, FactsRow>> {
  const { rows } = await db.query<FactsRow>(`${factsSelect} WHERE a.id = ANY($1::uuid[]) AND a.deleted_at IS NULL`, [ids]);
  return new Map(rows.map((r) => [r.id, r]));
}
