import type { Locale, Role, SessionUser, Side } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { orgReachSql, type OrgReach } from '../access/access.repository.js';
import { prepared } from '../../db/sql.js';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  locale: Locale;
  password_hash: string;
  organisation_id: string;
  organisation_name: string;
  organisation_side: Side;
}

const userColumns = `u.id, u.email, u.display_name, u.role, u.locale, u.password_hash,
  u.organisation_id, o.name_vi AS organisation_name, o.side AS organisation_side`;

function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    locale: row.locale,
    organisation: { id: row.organisation_id, name: row.organisation_name, side: row.organisation_side },
  };
}

export async function findUserByEmail(db: Queryable, email: string): Promise<{ user: SessionUser; passwordHash: string } | undefined> {
  const { rows } = await db.query<UserRow>(
    `SELECT ${userColumns} FROM users u JOIN organisations o ON o.id = u.organisation_id
     WHERE u.email = $1 AND u.disabled_at IS NULL`,
    [email],
  );
  const row = rows[0];
  return row ? { user: toSessionUser(row), passwordHash: row.password_hash } : undefined;
}

export async function insertSession(
  db: Queryable,
  s: {
    tokenHash: Buffer;
    userId: string;
    csrfToken: string;
    ttlHours: number;
    maxHours: number;
    ip: string;
    userAgent: string | undefined;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO sessions(token_hash, user_id, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, now() + make_interval(hours => least($4::int, $7::int)), $5, $6)`,
    [s.tokenHash, s.userId, s.csrfToken, s.ttlHours, s.ip, s.userAgent?.slice(0, 300) ?? null, s.maxHours],
  );
}

// Every signed-in request runs it first: prepared.
const findSessionSql = prepared(
  'session.find',
  `WITH s AS (
       SELECT token_hash, user_id, csrf_token, last_seen_at, reach, down, reach_generation FROM sessions
       WHERE token_hash = $1 AND expires_at > now() AND created_at > now() - make_interval(hours => $3)
     ), touched AS (
       -- Idle expiry slides forward, never past the absolute lifetime counted from sign-in.
       UPDATE sessions SET last_seen_at = now(),
         expires_at = least(now() + make_interval(hours => $2), sessions.created_at + make_interval(hours => $3))
       FROM s WHERE sessions.token_hash = s.token_hash AND s.last_seen_at < now() - interval '1 minute'
     )
     SELECT ${userColumns}, s.csrf_token, s.reach, s.down, s.reach_generation IS NOT DISTINCT FROM g.n AS fresh
     FROM s
     JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL
     JOIN organisations o ON o.id = u.organisation_id
     CROSS JOIN organisation_generation g`,
);

/**
 * The live session for a token hash, sliding its expiry forward at most once a minute, with the
 * organisations its user acts for: kept in the session row, worked out again (in one statement,
 * so the tree and its generation are read together) when the organisation tree has changed since.
 */
export async function findSession(
  db: Queryable,
  tokenHash: Buffer,
  ttlHours: number,
  maxHours: number,
): Promise<{ user: SessionUser; csrfToken: string; reach: OrgReach } | undefined> {
  // Reading is the common case; the row is written only when its last touch is a minute old, so
  // concurrent requests of one session neither queue on its row lock nor write WAL each time.
  const { rows } = await db.query<UserRow & { csrf_token: string; reach: string[] | null; down: string[] | null; fresh: boolean }>(
    findSessionSql([tokenHash, ttlHours, maxHours]),
  );
  const row = rows[0];
  if (!row) return undefined;
  const user = toSessionUser(row);
  if (row.fresh && row.reach && row.down) return { user, csrfToken: row.csrf_token, reach: { reach: row.reach, down: row.down } };
  const refreshed = await db.query<OrgReach>(
    `UPDATE sessions SET reach = r.reach, down = r.down, reach_generation = (SELECT n FROM organisation_generation)
     FROM (${orgReachSql('$2::uuid')}) r
     WHERE token_hash = $1 RETURNING sessions.reach, sessions.down`,
    [tokenHash, row.organisation_id],
  );
  const reach = refreshed.rows[0] ?? { reach: [], down: [] };
  return { user, csrfToken: row.csrf_token, reach };
}

export async function deleteSession(db: Queryable, tokenHash: Buffer): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/**
 * Counts one sign-in attempt against each key, in one statement, and answers each key's count in
 * its window, this attempt included. A key whose window has passed starts again at 1. The keys
 * are locked in sorted order, so two attempts cannot deadlock.
 */
export async function countAttempt(db: Queryable, keys: string[], windowMinutes: number): Promise<Map<string, number>> {
  const { rows } = await db.query<{ key: string; n: number }>(
    `INSERT INTO sign_in_attempts AS a (key, n) SELECT k, 1 FROM unnest($1::text[]) AS k ORDER BY k
     ON CONFLICT (key) DO UPDATE SET
       n = CASE WHEN a.window_start < now() - make_interval(mins => $2) THEN 1 ELSE a.n + 1 END,
       window_start = CASE WHEN a.window_start < now() - make_interval(mins => $2) THEN now() ELSE a.window_start END
     RETURNING key, n`,
    [[...keys].sort(), windowMinutes],
  );
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** A successful sign-in: its account starts again, and its attempt no longer counts against its address. */
export async function forgiveAttempt(db: Queryable, accountKey: string, addressKey: string): Promise<void> {
  await db.query(
    `WITH account AS (DELETE FROM sign_in_attempts WHERE key = $1)
     UPDATE sign_in_attempts SET n = greatest(n - 1, 0) WHERE key = $2`,
    [accountKey, addressKey],
  );
}

export async function deleteExpired(db: Queryable, windowMinutes: number): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at < now()');
  await db.query('DELETE FROM sign_in_attempts WHERE window_start < now() - make_interval(mins => $1)', [windowMinutes]);
}
