import type { AgreementHit, TaskHit } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { escapeLike, placeholders, type Statement } from '../../db/sql.js';
import { readableAgreementIdSql, readableAgreementSql } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import { taskStatusSql } from '../tasks/task.repository.js';

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
 * The two statements behind GET /api/search, each a page and the total of its matches in one
 * pass. Agreements (a few hundred) match words anywhere in their text; tasks (a hundred
 * thousand) match words by prefix through the full-text index of `task_search`, a narrow copy
 * of what search needs that a trigger keeps in step with the tasks (see its migration).
 */
export function searchStatements(f: SearchFilter): Record<'agreements' | 'tasks', Statement> {
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
    query ? `s.words @@ to_tsquery('simple', ${tParam(query)})` : 'false',
    readableAgreementIdSql(f.viewer, 's.agreement_id', tParam),
  ].join(' AND ');
  return {
    agreements: {
      // The total is counted over every match before the page is cut (a window over the whole result).
      text: `WITH page AS (
          SELECT a.id, count(*) OVER () AS total FROM agreements a WHERE ${aWhere}
          ORDER BY a.signed_on DESC NULLS LAST, a.id LIMIT ${f.limit})
        SELECT a.id, a.title, a.status, a.signed_on AS "signedOn", page.total::int AS total,
          ARRAY(SELECT p.name_at_signing FROM agreement_parties p WHERE p.agreement_id = a.id ORDER BY p.position) AS "partyNames"
        FROM page JOIN agreements a ON a.id = page.id
        ORDER BY a.signed_on DESC NULLS LAST, a.id`,
      values: ap,
    },
    tasks: {
      // Open work first, the nearest due date first; names joined for the page only.
      text: `WITH page AS (
          SELECT s.task_id AS id, s.closed, s.due_date, count(*) OVER () AS total FROM task_search s WHERE ${tWhere}
          ORDER BY s.closed, s.due_date NULLS LAST, s.task_id LIMIT ${f.limit})
        SELECT t.id, t.agreement_id AS "agreementId", a.title AS "agreementTitle", t.code, t.title,
          ${taskStatusSql('t', 'a')} AS status, t.due_date AS "dueDate",
          CASE WHEN lo.id IS NULL THEN NULL ELSE json_build_object('id', lo.id, 'name', lo.name_vi, 'nameEn', lo.name_en) END AS "leadUnit",
          page.total::int AS total
        FROM page JOIN tasks t ON t.id = page.id JOIN agreements a ON a.id = t.agreement_id LEFT JOIN organisations lo ON lo.id = t.lead_org_id
        ORDER BY page.closed, page.due_date NULLS LAST, page.id`,
      values: tp,
    },
  };
}

/** Splits the total every row of a page carries from the rows themselves. */
function pageOf<T>(rows: (T & { total: number })[]): { items: T[]; total: number } {
  return { items: rows.map(({ total: _total, ...item }) => item as T), total: rows[0]?.total ?? 0 };
}

export async function search(db: Queryable, f: SearchFilter) {
  const s = searchStatements(f);
  const [agreements, tasks] = await Promise.all([
    db.query<AgreementHit & { total: number }>(s.agreements.text, s.agreements.values),
    db.query<TaskHit & { total: number }>(s.tasks.text, s.tasks.values),
  ]);
  return { agreements: pageOf(agreements.rows), tasks: pageOf(tasks.rows) };
}
