import type { SecurityEvent, SecurityEventKind } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';

export interface NewSecurityEvent {
  kind: SecurityEventKind;
  userId: string | null;
  email: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/**
 * Stores an event. With `onceEverySeconds`, an event of the same kind from the same address within
 * that time is not stored again (a flood of throttled sign-ins costs the attacker nothing and must
 * not fill the table; every one of them is still a log line).
 */
export async function insertSecurityEvent(db: Queryable, e: NewSecurityEvent, onceEverySeconds?: number): Promise<void> {
  await db.query({
    name: 'security-event-insert',
    text: `INSERT INTO security_events (kind, user_id, email, ip, request_id, details)
           SELECT $1, $2, $3, $4, $5, $6
            WHERE $7::int IS NULL OR NOT EXISTS (
              SELECT 1 FROM security_events WHERE kind = $1 AND ip = $4 AND at > now() - make_interval(secs => $7::int))`,
    values: [
      e.kind,
      e.userId,
      e.email?.slice(0, 254) ?? null,
      e.ip?.slice(0, 100) ?? null,
      e.requestId?.slice(0, 100) ?? null,
      e.details,
      onceEverySeconds ?? null,
    ],
  });
}

interface Row {
  id: string;
  at: Date;
  kind: SecurityEventKind;
  user_id: string | null;
  email: string | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

/** The newest events first, optionally of one kind, before an id (for the next page). */
export async function listSecurityEvents(
  db: Queryable,
  q: { kind?: SecurityEventKind; limit: number; before?: number },
): Promise<SecurityEvent[]> {
  const { rows } = await db.query<Row>(
    `SELECT id, at, kind, user_id, email, ip, request_id, details FROM security_events
      WHERE ($1::text IS NULL OR kind = $1) AND ($2::bigint IS NULL OR id < $2)
      ORDER BY id DESC LIMIT $3`,
    [q.kind ?? null, q.before ?? null, q.limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    kind: r.kind,
    userId: r.user_id,
    email: r.email,
    ip: r.ip,
    requestId: r.request_id,
    details: r.details,
  }));
}
