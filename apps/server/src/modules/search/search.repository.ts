import type { AgreementHit, TaskHit } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { escapeLike, placeholders, type Statement } from '../../db/sql.js';
import { readableAgreementIdSql, readableAgreementSql } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';

export interface SearchFilter {
  /** Folded words; every one must appear. */
  words: string[];
  /** Whose search it is: only what this viewer may read is found (the access module decides). */
  viewer: Viewer;
  limit: number;
}

/**
 * The letters and digits of each word as a text-search query: a word of three characters or more
 * matches the words it starts ("chuyen" finds "chuyển"), a shorter one only itself ("so" finds "số",
 * not every word starting "so", which would be half the country's tasks).
 */
export function prefixQuery(words: string[]): string {
  return words
    .flatMap((w) => w.split(/[^\p{L}\p{N}]+/u))
    .filter(Boolean)
    .map((token) => (token.length >= 3 ? `${token}:*` : token))
    .join(' & ');
}

/**
 * The four statements behind GET /api/search: agreements and tasks, each a page and a count.
 * Agreements (a few hundred) match words anywhere in their text; tasks (a hundred thousand)
 * match words by prefix through the full-text index on their folded text.
 */
export function searchStatements(f: SearchFilter): Record<'agreements' | 'agreementCount' | 'tasks' | 'taskCount', Statement> {
  const ap: unknown[] = [];
  const aParam = placeholders(ap);
  const aWhere = [
    'a.deleted_at IS NULL',
    ...f.words.map((w) => `a.search_text LIKE ${aParam(`%${escapeLike(w)}%`)}`),
    readableAgreementSql(f.viewer, 'a', aParam),
  ].join(' AND ');
  const tp: unknown[] = [];
  const tParam = placeholders(tp);
  const query = prefixQuery(f.words);
  const tWhere = [
    't.deleted_at IS NULL',
    query ? `t.search_words @@ to_tsquery('simple', ${tParam(query)})` : 'false',
    readableAgreementIdSql(f.viewer, 't.agreement_id', tParam),
  ].join(' AND ');
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
      // Open work first, the nearest due date first; names joined for the page only.
      text: `WITH page AS (
          SELECT t.id FROM tasks t WHERE ${tWhere}
          ORDER BY t.status IN ('completed','cancelled'), t.due_date NULLS LAST, t.id LIMIT ${f.limit})
        SELECT t.id, t.agreement_id AS "agreementId", a.title AS "agreementTitle", t.code, t.title, t.status, t.due_date AS "dueDate",
          CASE WHEN lo.id IS NULL THEN NULL ELSE json_build_object('id', lo.id, 'name', lo.name_vi, 'nameEn', lo.name_en) END AS "leadUnit"
        FROM page JOIN tasks t ON t.id = page.id JOIN agreements a ON a.id = t.agreement_id LEFT JOIN organisations lo ON lo.id = t.lead_org_id
        ORDER BY t.status IN ('completed','cancelled'), t.due_date NULLS LAST, t.id`,
      values: tp,
    },
    taskCount: { text: `SELECT count(*)::int AS n FROM tasks t WHERE ${tWhere}`, values: tp },
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
