import type { AgreementHit, TaskHit } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { escapeLike, type Statement } from '../../db/sql.js';

export interface SearchFilter {
  /** Folded words; every one must appear. */
  words: string[];
  /** null: every agreement (admin, observer); otherwise agreements where one of these is a party. */
  visibleTo: string[] | null;
  limit: number;
}

function conditions(column: string, f: SearchFilter, params: unknown[], agreementColumn: string): string {
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = f.words.map((w) => `${column} LIKE ${param(`%${escapeLike(w)}%`)}`);
  if (f.visibleTo) {
    where.push(`${agreementColumn} IN (SELECT vp.agreement_id FROM agreement_parties vp WHERE vp.organisation_id = ANY(${param(f.visibleTo)}::uuid[]))`);
  }
  return where.join(' AND ');
}

/** The four statements behind GET /api/search: agreements and tasks, each a page and a count. */
export function searchStatements(f: SearchFilter): Record<'agreements' | 'agreementCount' | 'tasks' | 'taskCount', Statement> {
  const ap: unknown[] = [];
  const aWhere = `a.deleted_at IS NULL AND ${conditions('a.search_text', f, ap, 'a.id')}`;
  const tp: unknown[] = [];
  const tWhere = `t.deleted_at IS NULL AND a.deleted_at IS NULL AND ${conditions('t.search_text', f, tp, 't.agreement_id')}`;
  return {
    agreements: {
      text: `SELECT a.id, a.title, a.status, a.signed_on AS "signedOn",
          ARRAY(SELECT p.name_at_signing FROM agreement_parties p WHERE p.agreement_id = a.id ORDER BY p.position) AS "partyNames"
        FROM agreements a WHERE ${aWhere}
        ORDER BY a.signed_on DESC NULLS LAST, a.id LIMIT ${f.limit}`,
      values: ap,
    },
    agreementCount: { text: `SELECT count(*)::int AS n FROM agreements a WHERE ${aWhere}`, values: ap },
    tasks: {
      // Open work first, the nearest due date first.
      text: `SELECT t.id, t.agreement_id AS "agreementId", a.title AS "agreementTitle", t.code, t.title, t.status, t.due_date AS "dueDate",
          CASE WHEN lo.id IS NULL THEN NULL ELSE json_build_object('id', lo.id, 'name', lo.name_vi, 'nameEn', lo.name_en) END AS "leadUnit"
        FROM tasks t JOIN agreements a ON a.id = t.agreement_id LEFT JOIN organisations lo ON lo.id = t.lead_org_id
        WHERE ${tWhere}
        ORDER BY t.status IN ('completed','cancelled'), t.due_date NULLS LAST, t.id LIMIT ${f.limit}`,
      values: tp,
    },
    taskCount: { text: `SELECT count(*)::int AS n FROM tasks t JOIN agreements a ON a.id = t.agreement_id WHERE ${tWhere}`, values: tp },
  };
}

export async function search(db: Queryable, f: SearchFilter) {
  const s = searchStatements(f);
  const [agreements, agreementCount, tasks, taskCount] = await Promise.all([
    db.query<AgreementHit>(s.agreements.text, s.agreements.values),
    db.query<{ n: number }>(s.agreementCount.text, s.agreementCount.values),
    db.query<TaskHit>(s.tasks.text, s.tasks.values),
    db.query<{ n: number }>(s.taskCount.text, s.taskCount.values),
  ]);
  return {
    agreements: { items: agreements.rows, total: agreementCount.rows[0]?.n ?? 0 },
    tasks: { items: tasks.rows, total: taskCount.rows[0]?.n ?? 0 },
  };
}
