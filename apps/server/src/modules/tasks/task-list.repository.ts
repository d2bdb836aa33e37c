import type { TaskSortKey, TaskStatus } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { escapeLike, placeholders, type Statement } from '../../db/sql.js';
import { taskColumns, type TaskRow } from '../plan/plan.repository.js';

export interface TaskListFilter {
  /** One agreement, or null for every agreement the viewer may read. */
  agreementId: string | null;
  /** null: no restriction (admin, observer, or an agreement already authorised); otherwise agreements where one of these is a party. */
  visibleTo: string[] | null;
  /** Tasks led by one of these organisations; null: any. */
  leadUnits: string[] | null;
  areaId: string | undefined;
  statuses: TaskStatus[] | undefined;
  overdue: boolean | undefined;
  dueFrom: string | undefined;
  dueTo: string | undefined;
  /** Folded search words, each must appear. */
  words: string[];
  sort: TaskSortKey | undefined;
  order: 'asc' | 'desc' | undefined;
  limit: number;
  offset: number;
}

/** "Today" is the date in Việt Nam, whatever the server's time zone. */
const today = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const isOpen = `t.status NOT IN ('completed','cancelled')`;

const sortColumns: Record<TaskSortKey, string> = {
  dueDate: 't.due_date',
  title: 't.title',
  status: "array_position(ARRAY['not_started','in_progress','paused','completed','cancelled'], t.status)",
  updatedAt: 't.updated_at',
};

function orderBy(sort: TaskSortKey | undefined, order: 'asc' | 'desc' | undefined): string {
  const key = sort ?? 'dueDate';
  const direction = (order ?? (key === 'updatedAt' ? 'desc' : 'asc')) === 'asc' ? 'ASC' : 'DESC';
  return `${sortColumns[key]} ${direction} NULLS LAST, t.id`;
}

/** The WHERE clause shared by the page and its count. */
function whereOf(f: TaskListFilter, params: unknown[]): string {
  const param = placeholders(params);
  const where = ['t.deleted_at IS NULL'];
  if (f.agreementId) where.push(`t.agreement_id = ${param(f.agreementId)}`);
  if (f.visibleTo) {
    where.push(
      `t.agreement_id IN (SELECT vp.agreement_id FROM agreement_parties vp WHERE vp.organisation_id = ANY(${param(f.visibleTo)}::uuid[]))`,
    );
  }
  if (f.leadUnits) where.push(`t.lead_org_id = ANY(${param(f.leadUnits)}::uuid[])`);
  if (f.areaId) where.push(`t.area_id = ${param(f.areaId)}`);
  if (f.statuses) where.push(`t.status = ANY(${param(f.statuses)}::text[])`);
  if (f.overdue === true) where.push(`t.due_date < ${today} AND ${isOpen}`);
  if (f.overdue === false) where.push(`NOT (t.due_date IS NOT NULL AND t.due_date < ${today} AND ${isOpen})`);
  if (f.dueFrom) where.push(`t.due_date >= ${param(f.dueFrom)}::date`);
  if (f.dueTo) where.push(`t.due_date <= ${param(f.dueTo)}::date`);
  for (const word of f.words) where.push(`t.search_text LIKE ${param(`%${escapeLike(word)}%`)}`);
  if (!f.agreementId) where.push('EXISTS (SELECT 1 FROM agreements a WHERE a.id = t.agreement_id AND a.deleted_at IS NULL)');
  return where.join(' AND ');
}

export type TaskListRow = TaskRow & { agreementTitle: string; areaTitle: string; overdue: boolean };

/** The statements behind a task list: one page, and the number of matching tasks. */
export function taskListStatements(f: TaskListFilter): { page: Statement; count: Statement } {
  const countParams: unknown[] = [];
  const count = { text: `SELECT count(*)::int AS n FROM tasks t WHERE ${whereOf(f, countParams)}`, values: countParams };
  const params: unknown[] = [];
  const where = whereOf(f, params);
  params.push(f.limit, f.offset);
  const page = {
    text: `WITH page AS (
        SELECT t.id FROM tasks t WHERE ${where}
        ORDER BY ${orderBy(f.sort, f.order)} LIMIT $${params.length - 1} OFFSET $${params.length})
      SELECT ${taskColumns}, ag.title AS "agreementTitle", ar.title AS "areaTitle",
        (t.due_date IS NOT NULL AND t.due_date < ${today} AND ${isOpen}) AS overdue
      FROM page JOIN tasks t ON t.id = page.id
      JOIN agreements ag ON ag.id = t.agreement_id
      JOIN areas ar ON ar.id = t.area_id
      LEFT JOIN organisations lo ON lo.id = t.lead_org_id
      ORDER BY ${orderBy(f.sort, f.order)}`,
    values: params,
  };
  return { page, count };
}

export async function listTaskPage(db: Queryable, f: TaskListFilter): Promise<{ items: TaskListRow[]; total: number }> {
  const { page, count } = taskListStatements(f);
  const [rows, total] = await Promise.all([
    db.query<TaskListRow>(page.text, page.values),
    db.query<{ n: number }>(count.text, count.values),
  ]);
  return { items: rows.rows, total: total.rows[0]?.n ?? 0 };
}

/** The parties of several agreements at once, to work out the viewer's side in each. */
export async function partiesOf(
  db: Queryable,
  agreementIds: string[],
): Promise<Map<string, { organisationId: string; side: 'government' | 'enterprise' }[]>> {
  const result = new Map<string, { organisationId: string; side: 'government' | 'enterprise' }[]>();
  if (agreementIds.length === 0) return result;
  const { rows } = await db.query<{ agreementId: string; organisationId: string; side: 'government' | 'enterprise' }>(
    'SELECT agreement_id AS "agreementId", organisation_id AS "organisationId", side FROM agreement_parties WHERE agreement_id = ANY($1::uuid[])',
    [agreementIds],
  );
  for (const r of rows) {
    const list = result.get(r.agreementId) ?? [];
    list.push({ organisationId: r.organisationId, side: r.side });
    result.set(r.agreementId, list);
  }
  return result;
}
