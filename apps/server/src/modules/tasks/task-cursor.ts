import { invalidField, taskSortKeys, type TaskSortKey } from '@accord/domain';

/**
 * A task list's place: the sort value and id of the last task of a page, in the order it was made
 * for. The next page starts after it (a keyset), so page 50 reads its 20 rows, not the 980 before.
 * Sent to the client as `next` and back as `after`: base64url of a small JSON array, opaque to it.
 */
export interface TaskListCursor {
  sort: TaskSortKey;
  order: 'asc' | 'desc';
  /** The sort value as PostgreSQL writes it as text (exact: a timestamp keeps its microseconds); null for a task without one. */
  key: string | null;
  id: string;
}

const FORMAT = 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a sort value must look like before it goes to PostgreSQL with its type's cast. */
const keyShapes: Record<TaskSortKey, RegExp> = {
  dueDate: /^\d{4}-\d{2}-\d{2}$/,
  deliveredOn: /^\d{4}-\d{2}-\d{2}$/,
  updatedAt: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/,
  status: /^\d{1,2}$/,
  title: /^[\s\S]{0,1000}$/,
};

export function encodeTaskCursor(c: TaskListCursor): string {
  return Buffer.from(JSON.stringify([FORMAT, c.sort, c.order, c.key, c.id]), 'utf8').toString('base64url');
}

function isValidDate(iso: string): boolean {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso.slice(0, 10);
}

/**
 * The place `after` names, for a list in this order. Anything not written by `encodeTaskCursor`
 * for this order is refused (400, field `after`), never passed on to the database.
 */
export function decodeTaskCursor(after: string, expected: { sort: TaskSortKey; order: 'asc' | 'desc' }): TaskListCursor {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw invalidField('after', 'invalid');
  }
  if (!Array.isArray(parts) || parts.length !== 5 || parts[0] !== FORMAT) throw invalidField('after', 'invalid');
  const [, sort, order, key, id] = parts as unknown[];
  if (!taskSortKeys.includes(sort as TaskSortKey) || (order !== 'asc' && order !== 'desc')) throw invalidField('after', 'invalid');
  if (typeof id !== 'string' || !UUID.test(id)) throw invalidField('after', 'invalid');
  const sortKey = sort as TaskSortKey;
  if (key !== null) {
    if (typeof key !== 'string' || !keyShapes[sortKey].test(key)) throw invalidField('after', 'invalid');
    if ((sortKey === 'dueDate' || sortKey === 'deliveredOn' || sortKey === 'updatedAt') && !isValidDate(key)) {
      throw invalidField('after', 'invalid');
    }
  }
  if (sortKey !== expected.sort || order !== expected.order) throw invalidField('after', 'otherListOrder');
  return { sort: sortKey, order, key, id };
}
