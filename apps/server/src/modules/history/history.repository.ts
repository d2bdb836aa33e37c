import type { AuditEvent } from '@accord/domain';
import { diffSnapshots } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { prepared } from '../../db/sql.js';

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
}

// Every change runs it at least once: prepared.
const insertEventSql = prepared(
  'history.insert',
  `WITH e AS (
       INSERT INTO audit_events(actor_id, action, entity_type, entity_id, agreement_id, entity_title, before, after, cause_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id)
     INSERT INTO outbox(audit_event_id, topic, agreement_id, entity_type, entity_id, actor_id)
     SELECT e.id, $3 || '.' || $2, $5, $3, $4, $1 FROM e`,
);

/**
 * Appends an audit event and its outbox row in one statement. Only the change path
 * (`change/change.ts`) calls it, inside the transaction that makes the change.
 */
export async function insertEvent(tx: Queryable, e: AuditInput): Promise<void> {
  await tx.query(
    insertEventSql([e.actorId, e.action, e.entityType, e.entityId, e.agreementId, e.entityTitle, e.before, e.after, e.causeId]),
  );
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

/** Newest first. `where` picks the events of an agreement or of one record. */
export async function listEvents(
  db: Queryable,
  where: { agreementId: string } | { entityId: string },
  limit: number,
  beforeId?: number,
): Promise<AuditEvent[]> {
  const column = 'agreementId' in where ? 'agreement_id' : 'entity_id';
  const value = 'agreementId' in where ? where.agreementId : where.entityId;
  const { rows } = await db.query<EventRow>(
    `SELECT e.id, e.at, e.actor_id, u.display_name AS actor_name, e.action, e.entity_type, e.entity_id,
            e.entity_title, e.before, e.after
     FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
     WHERE e.${column} = $1 AND ($3::bigint IS NULL OR e.id < $3)
     ORDER BY e.id DESC LIMIT $2`,
    [value, limit, beforeId ?? null],
  );
  return rows.map(toEvent);
}
