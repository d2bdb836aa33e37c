import type { EntryKind, EvidenceFile, Obligor, Side, TaskState } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { filesOfEntrySql } from '../files/files.repository.js';
import { escapeLike, placeholders, type Statement } from '../../db/sql.js';

// The only place with SQL for the entries of tasks' threads.

export interface EntryRow {
  id: string;
  /** Its place in the order of all entries, as text (a bigint): the thread's cursor. */
  seq: string;
  agreementId: string;
  taskId: string;
  kind: EntryKind;
  body: string;
  author: { id: string; name: string };
  organisation: { id: string; name: string; nameEn: string | null };
  authorSide: Side | null;
  /** The one side that may read it (an internal entry), or null. */
  audienceSide: Side | null;
  progress: number | null;
  state: TaskState | null;
  stateReason: string | null;
  mentions: { id: string; name: string }[];
  files: EvidenceFile[];
  version: number;
  createdAt: Date;
  editedAt: Date | null;
}

const entrySelect = `SELECT e.id, e.seq::text AS seq, e.agreement_id AS "agreementId", e.task_id AS "taskId", e.kind, e.body,
    json_build_object('id', u.id, 'name', u.display_name) AS author,
    json_build_object('id', o.id, 'name', o.name_vi, 'nameEn', o.name_en) AS organisation,
    e.author_side AS "authorSide", e.audience_side AS "audienceSide", e.progress::float8 AS progress, e.state,
    e.state_reason AS "stateReason",
    COALESCE((SELECT json_agg(json_build_object('id', mu.id, 'name', mu.display_name) ORDER BY array_position(e.mentions, mu.id))
      FROM users mu WHERE mu.id = ANY(e.mentions)), '[]'::json) AS mentions,
    ${filesOfEntrySql} AS files,
    e.version, e.created_at AS "createdAt", e.edited_at AS "editedAt"
  FROM task_entries e JOIN users u ON u.id = e.author_id JOIN organisations o ON o.id = e.author_org_id`;

export async function findEntry(db: Queryable, taskId: string, entryId: string, { forUpdate = false } = {}): Promise<EntryRow | undefined> {
  const { rows } = await db.query<EntryRow>(
    `${entrySelect} WHERE e.id = $1 AND e.task_id = $2 AND e.deleted_at IS NULL ${forUpdate ? 'FOR UPDATE OF e' : ''}`,
    [entryId, taskId],
  );
  return rows[0];
}

/**
 * The statements of one page of a task's thread, newest first, older than `before`, and of the task
 * with how many entries the viewer may see (no row: the agreement has no such task); `audience`
 * is the condition on `e.audience_side` the viewer's side allows (access service). The two run
 * side by side: the page reads only entries of `taskId`, and is not answered when the task is not
 * the agreement's. Benchmarks run exactly these.
 */
export function threadStatements(
  agreementId: string,
  taskId: string,
  audience: (column: string, param: (value: unknown) => string) => string,
  limit: number,
  before: string | undefined,
): { page: Statement; task: Statement } {
  /** The entries of the task the viewer may see, as a condition with its own parameters. */
  const visible = () => {
    const values: unknown[] = [taskId];
    const param = placeholders(values);
    return { values, param, where: `e.task_id = $1 AND e.deleted_at IS NULL AND ${audience('e.audience_side', param)}` };
  };
  const page = visible();
  const pageText = `${entrySelect} WHERE ${page.where} ${before ? `AND e.seq < ${page.param(before)}::bigint` : ''}
    ORDER BY e.seq DESC LIMIT ${page.param(limit)}`;
  const all = visible();
  const task = `SELECT t.obligor, t.lead_org_id AS "leadUnitId", (SELECT count(*)::int FROM task_entries e WHERE ${all.where}) AS total
    FROM tasks t WHERE t.id = $1 AND t.agreement_id = ${all.param(agreementId)} AND t.deleted_at IS NULL`;
  return {
    page: { text: pageText, values: page.values },
    task: { text: task, values: all.values },
  };
}

/** One page of a task's thread with what access to the task depends on; undefined: no such task in the agreement. */
export async function listEntries(
  db: Queryable,
  agreementId: string,
  taskId: string,
  audience: (column: string, param: (value: unknown) => string) => string,
  limit: number,
  before: string | undefined,
): Promise<{ items: EntryRow[]; total: number; task: { obligor: Obligor; leadUnitId: string | null } } | undefined> {
  const { page, task } = threadStatements(agreementId, taskId, audience, limit, before);
  const [items, found] = await Promise.all([
    db.query<EntryRow>(page.text, page.values),
    db.query<{ obligor: Obligor; leadUnitId: string | null; total: number }>(task.text, task.values),
  ]);
  const row = found.rows[0];
  if (!row) return undefined;
  return { items: items.rows, total: row.total, task: { obligor: row.obligor, leadUnitId: row.leadUnitId } };
}

export interface EntryInsert {
  agreementId: string;
  taskId: string;
  kind: EntryKind;
  authorId: string;
  authorOrgId: string;
  authorSide: Side | null;
  audienceSide: Side | null;
  body: string;
  progress: number | null;
  state: TaskState | null;
  stateReason: string | null;
  mentions: string[];
  /** When it was written: now, unless the demo loads a past entry. */
  at?: string;
}

export async function insertEntry(tx: Queryable, e: EntryInsert): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO task_entries(agreement_id, task_id, kind, author_id, author_org_id, author_side, audience_side, body, progress, state, state_reason, mentions, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, COALESCE($13::timestamptz, now())) RETURNING id`,
    [
      e.agreementId,
      e.taskId,
      e.kind,
      e.authorId,
      e.authorOrgId,
      e.authorSide,
      e.audienceSide,
      e.body,
      e.progress,
      e.state,
      e.stateReason,
      e.mentions,
      e.at ?? null,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export async function updateEntry(tx: Queryable, id: string, write: { body: string; mentions: string[] }): Promise<void> {
  await tx.query(`UPDATE task_entries SET body = $2, mentions = $3, version = version + 1, edited_at = now() WHERE id = $1`, [
    id,
    write.body,
    write.mentions,
  ]);
}

export async function softDeleteEntry(tx: Queryable, id: string): Promise<void> {
  await tx.query(`UPDATE task_entries SET deleted_at = now(), version = version + 1 WHERE id = $1`, [id]);
}

export interface PersonRow {
  id: string;
  name: string;
  organisation: { id: string; name: string; nameEn: string | null };
  side: Side;
}

/**
 * The people of an agreement's parties — the users who may read it as a party: of a party
 * organisation or one that succeeded it, of the units below, and of the organisations above
 * (as a user's reach runs: access repository). Of `side` only when given. `among`: only these
 * ids (checking mentions); `words`: folded words their name must contain.
 */
export async function findPeople(
  db: Queryable,
  agreementId: string,
  opts: { side?: Side; among?: readonly string[]; words?: readonly string[]; limit: number },
): Promise<PersonRow[]> {
  const values: unknown[] = [agreementId];
  const param = placeholders(values);
  const conditions = ['u.disabled_at IS NULL'];
  if (opts.among) conditions.push(`u.id = ANY(${param(opts.among)}::uuid[])`);
  for (const w of opts.words ?? []) conditions.push(`fold_text(u.display_name) LIKE ${param(`%${escapeLike(w)}%`)}`);
  const { rows } = await db.query<PersonRow>(
    `WITH RECURSIVE
       party(id, side) AS (
         SELECT p.organisation_id, p.side FROM agreement_parties p
          WHERE p.agreement_id = $1 ${opts.side ? `AND p.side = ${param(opts.side)}` : ''}
         UNION SELECT po.successor_id, party.side FROM party JOIN organisations po ON po.id = party.id WHERE po.successor_id IS NOT NULL),
       down(id, side) AS (
         SELECT id, side FROM party
         UNION SELECT o.id, down.side FROM down JOIN organisations o ON o.parent_id = down.id),
       up(id, side) AS (
         SELECT id, side FROM party
         UNION SELECT po.parent_id, up.side FROM up JOIN organisations po ON po.id = up.id WHERE po.parent_id IS NOT NULL),
       member(id, side) AS (SELECT id, side FROM down UNION SELECT id, side FROM up)
     SELECT u.id, u.display_name AS name, json_build_object('id', uo.id, 'name', uo.name_vi, 'nameEn', uo.name_en) AS organisation,
            min(member.side) AS side
     FROM member JOIN users u ON u.organisation_id = member.id JOIN organisations uo ON uo.id = u.organisation_id
     WHERE ${conditions.join(' AND ')}
     GROUP BY u.id, uo.id
     ORDER BY u.display_name, u.id
     LIMIT ${param(opts.limit)}`,
    values,
  );
  return rows;
}
