import type { AgreementHit, TaskHit } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { escapeLike, placeholders, type Statement } from '../../db/sql.js';
import { readableAgreementInSql, type ReadableAgreements } from '../access/access.service.js';
import { taskStatusSql } from '../tasks/task.repository.js';

export interface SearchFilter {
  /** Folded words; every one must appear. */
  words: string[];
  /**
   * The agreements whose search it is: only what the viewer may read is found, as the access
   * module works it out beforehand (`readableAgreements`).
   */
  readable: ReadableAgreements;
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

/** How many matching tasks search counts before it says "more than". */
export const SEARCH_COUNT_BOUND = 100;

/**
 * The two statements behind GET /api/search. Agreements (a few hundred) match words anywhere in
 * their text, a page and the total of their matches in one pass. Tasks (a hundred thousand)
 * match words by prefix in `task_search`, a narrow copy of what search needs that a trigger keeps
 * in step with the tasks (see its migration): the first page is the first matches in the order
 * search shows them, which PostgreSQL can walk in that order and stop at (`task_search_order_idx`,
 * for words most tasks have), or find by the full-text index and sort (for rare ones). It reads
 * one match past `SEARCH_COUNT_BOUND` and stops: the page is the first of those, the count is how
 * many there are ("more than 100"), the rest is behind "more".
 */
export function searchStatements(f: SearchFilter): Record<'agreements' | 'tasks', Statement> {
  const ap: unknown[] = [];
  const aParam = placeholders(ap);
  const aWhere = [
    'a.deleted_at IS NULL',
    ...f.words.map((w) => `a.search_text LIKE ${aParam(`%${escapeLike(w)}%`)}`),
    readableAgreementInSql(f.readable, 'a.id', aParam),
  ].join(' AND ');
  const tp: unknown[] = [];
  const tParam = placeholders(tp);
  const query = prefixQuery(f.words);
  const tWhere = [
    query ? `s.words @@ to_tsquery('simple', ${tParam(query)})` : 'false',
    readableAgreementInSql(f.readable, 's.agreement_id', tParam),
  ].join(' AND ');
  const bound = tParam(SEARCH_COUNT_BOUND + 1);
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
      // Open work first, the nearest due date first. The first matches in that order, one past the
      // bound: the page is the first of them and the count is how many there are, from the one
      // scan. Names are joined for the page only.
      text: `WITH first AS MATERIALIZED (
          SELECT s.task_id AS id, s.closed, s.due_date FROM task_search s WHERE ${tWhere}
          ORDER BY s.closed, s.due_date NULLS LAST, s.task_id LIMIT ${bound}),
        page AS (SELECT * FROM first ORDER BY closed, due_date NULLS LAST, id LIMIT ${f.limit}),
        counted AS (SELECT count(*)::int AS n FROM first)
        SELECT t.id, t.agreement_id AS "agreementId", a.title AS "agreementTitle", t.code, t.title,
          ${taskStatusSql('t', 'a')} AS status, t.due_date AS "dueDate",
          CASE WHEN lo.id IS NULL THEN NULL ELSE json_build_object('id', lo.id, 'name', lo.name_vi, 'nameEn', lo.name_en) END AS "leadUnit",
          counted.n AS total
        FROM page JOIN tasks t ON t.id = page.id JOIN agreements a ON a.id = t.agreement_id LEFT JOIN organisations lo ON lo.id = t.lead_org_id
          CROSS JOIN counted
        ORDER BY page.closed, page.due_date NULLS LAST, page.id`,
      values: tp,
    },
  };
}

/** Splits the total every row of a page carries from the rows themselves. */
function pageOf<T>(rows: (T & { total: number })[], bound = Number.POSITIVE_INFINITY): { items: T[]; total: number; totalCapped: boolean } {
  const counted = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _total, ...item }) => item as T),
    total: Math.min(counted, bound),
    totalCapped: counted > bound,
  };
}

export async function search(db: Queryable, f: SearchFilter) {
  const s = searchStatements(f);
  const [agreements, tasks] = await Promise.all([
    db.query<AgreementHit & { total: number }>(s.agreements.text, s.agreements.values),
    db.query<TaskHit & { total: number }>(s.tasks.text, s.tasks.values),
  ]);
  return { agreements: pageOf(agreements.rows), tasks: pageOf(tasks.rows, SEARCH_COUNT_BOUND) };
}
