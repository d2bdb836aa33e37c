import type { Db } from '@accord/server/src/db/pool.js';
import type { LoadResult } from './load.js';

/**
 * What the database holds at the end, against what the load was told. With every process
 * stopped, the run's agreement is read once: each acknowledged task must be there once (by id
 * and by title), no title twice, each task with its one create event and each create event with
 * its task; each task's version must be one more than its update events, and an acknowledged
 * edit must be there.
 */
export interface Verdict {
  tasks: number;
  /** Acknowledged, and not in the database (or there under another title). */
  lost: string[];
  /** Rows past the first of a title: a create made twice. */
  duplicated: string[];
  /** A task without its one create event, or a create event without its task. */
  halfApplied: string[];
  /** Given up by the client, yet saved (its answer was lost): not an error, since the client never learnt the outcome. */
  savedThoughGivenUp: number;
  /** A version that does not match the task's update events, or an acknowledged edit that is not there. */
  editsWrong: string[];
}

interface Row {
  id: string;
  title: string;
  version: number;
  creates: number;
  updates: number;
}

async function readTasks(db: Db, agreementId: string): Promise<Row[]> {
  const { rows } = await db.query<Row>(
    `SELECT t.id, t.title, t.version,
       (SELECT count(*)::int FROM audit_events e WHERE e.entity_id = t.id AND e.action = 'create') AS creates,
       (SELECT count(*)::int FROM audit_events e WHERE e.entity_id = t.id AND e.action = 'update') AS updates
     FROM tasks t WHERE t.agreement_id = $1`,
    [agreementId],
  );
  return rows;
}

async function eventsWithoutTask(db: Db, agreementId: string): Promise<string[]> {
  const { rows } = await db.query<{ entity_id: string }>(
    `SELECT e.entity_id FROM audit_events e
     WHERE e.agreement_id = $1 AND e.entity_type = 'task' AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = e.entity_id)`,
    [agreementId],
  );
  return rows.map((r) => `event without task ${r.entity_id}`);
}

/** `prefix` starts the load's titles: duplicates are counted among those (the probe's tasks are checked for their history only). */
export async function verify(db: Db, agreementId: string, prefix: string, load: LoadResult): Promise<Verdict> {
  const rows = await readTasks(db, agreementId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byTitle = new Map<string, Row[]>();
  for (const r of rows.filter((row) => row.title.startsWith(prefix))) byTitle.set(r.title, [...(byTitle.get(r.title) ?? []), r]);

  const acknowledged = load.creates.filter((c) => c.outcome === 'acknowledged');
  const lost = acknowledged.filter((c) => byId.get(c.taskId as string)?.title !== c.title).map((c) => `${c.title} (${c.taskId})`);
  const duplicated = [...byTitle].filter(([, same]) => same.length > 1).flatMap(([title, same]) => same.slice(1).map(() => title));
  const halfApplied = [
    ...rows.filter((r) => r.creates !== 1).map((r) => `${r.title} (${r.id}) has ${r.creates} create events`),
    ...(await eventsWithoutTask(db, agreementId)),
  ];
  const savedThoughGivenUp = load.creates.filter((c) => c.outcome !== 'acknowledged' && byTitle.has(c.title)).length;
  const editsWrong = [
    ...rows.filter((r) => r.version !== 1 + r.updates).map((r) => `${r.title}: version ${r.version} with ${r.updates} update events`),
    ...load.edits
      .filter((e) => e.outcome === 'acknowledged' || e.outcome === 'applied-before')
      .filter((e) => byId.get(e.taskId)?.updates !== 1)
      .map((e) => `acknowledged edit of ${e.taskId} not there once`),
  ];
  return { tasks: rows.length, lost, duplicated, halfApplied, savedThoughGivenUp, editsWrong };
}
