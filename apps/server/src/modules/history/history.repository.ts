import type { AuditEvent } from '@accord/domain';
import { diffSnapshots } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { placeholders, prepared } from '../../db/sql.js';

export interface AuditInput {
  actorId: string | null;
  action: AuditEvent['action'];
  entityType: AuditEvent['entityType'];
  entityId: string;
  agreementId: string | null;
  entityTitle: string | null;
  before: object | null;
  after: object | null;
  causeId: string | null;
  audienceSide: 'government' | 'enterprise' | null;
}

// Every change runs it at least once: prepared.
const insertEventSql = prepared(
  'history.insert',
  `WITH e AS (
       INSERT INTO audit_events(actor_id, action, entity_type, entity_id, agreement_id, entity_title, before, after, cause_id, audience_side)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id)
     INSERT INTO outbox(audit_event_id, topic, agreement_id, entity_type, entity_id, actor_id)
     SELECT e.id, $3 || '.' || $2, $5, $3, $4, $1 FROM e`,
);

/**
 * Appends an audit event and its outbox row in one statement. Only the change path
 * (`change/change.ts`) calls it, inside the transaction that makes the change.
 */
export async function insertEvent(tx: Queryable, e: AuditInput): Promise<void> {
  await tx.query(
    insertEventSql([
      e.actorId,
      e.action,
      e.entityType,
      e.entityId,
      e.agreementId,
      e.entityTitle,
      e.before,
      e.after,
      e.causeId,
      e.audienceSide,
    ]),
  );
}

/** Appends many audit events and their outbox rows in one statement (an import's tasks). */
export async function insertEvents(tx: Queryable, events: readonly AuditInput[]): Promise<void> {
  for (let from = 0; from < events.length; from += 1000) {
    const chunk = events.slice(from, from + 1000);
    const col = <T>(f: (e: AuditInput) => T) => chunk.map(f);
    await tx.query(
      `WITH x AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[], $9::uuid[], $10::text[])
           WITH ORDINALITY AS x(actor_id, action, entity_type, entity_id, agreement_id, entity_title, before, after, cause_id, audience_side, n)),
       e AS (
         INSERT INTO audit_events(actor_id, action, entity_type, entity_id, agreement_id, entity_title, before, after, cause_id, audience_side)
         SELECT actor_id, action, entity_type, entity_id, agreement_id, entity_title, before, after, cause_id, audience_side FROM x ORDER BY n
         RETURNING id, actor_id, action, entity_type, entity_id, agreement_id)
       INSERT INTO outbox(audit_event_id, topic, agreement_id, entity_type, entity_id, actor_id)
       SELECT e.id, e.entity_type || '.' || e.action, e.agreement_id, e.entity_type, e.entity_id, e.actor_id FROM e ORDER BY e.id`,
      [
        col((e) => e.actorId),
        col((e) => e.action),
        col((e) => e.entityType),
        col((e) => e.entityId),
        col((e) => e.agreementId),
        col((e) => e.entityTitle),
        col((e) => (e.before === null ? null : JSON.stringify(e.before))),
        col((e) => (e.after === null ? null : JSON.stringify(e.after))),
        col((e) => e.causeId),
        col((e) => e.audienceSide),
      ],
    );
  }
}

interface EventRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: AuditEvent['action'];
  entity_type: AuditEvent['entityType'];
  entity_id: string;
  entity_title: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

function toEvent(r: EventRow): AuditEvent {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    entityTitle: r.entity_title,
    changes: diffSnapshots(r.before, r.after),
  };
}

/**
 * Newest first. `where` picks the events of an agreement, or of one task and the entries of its
 * thread; `audience` is the condition on `e.audience_side` the viewer's side allows (access service).
 */
export async function listEvents(
  db: Queryable,
  where: { agreementId: string } | { taskId: string },
  audience: (column: string, param: (value: unknown) => string) => string,
  limit: number,
  beforeId?: number,
): Promise<AuditEvent[]> {
  const params: unknown[] = ['agreementId' in where ? where.agreementId : where.taskId, limit, beforeId ?? null];
  const param = placeholders(params);
  const scope =
    'agreementId' in where
      ? 'e.agreement_id = $1'
      : '(e.entity_id = $1 OR e.entity_id = ANY(ARRAY(SELECT te.id FROM task_entries te WHERE te.task_id = $1)))';
  const { rows } = await db.query<EventRow>(
    `SELECT e.id, e.at, e.actor_id, u.display_name AS actor_name, e.action, e.entity_type, e.entity_id,
            e.entity_title, e.before, e.after
     FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
     WHERE ${scope} AND ($3::bigint IS NULL OR e.id < $3) AND ${audience('e.audience_side', param)}
     ORDER BY e.id DESC LIMIT $2`,
    params,
  );
  return rows.map(toEvent);
}
