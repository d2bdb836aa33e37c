import type { Locale, Role, SessionUser, Side } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { prepared, type NamedStatement } from '../../db/sql.js';

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

function toSessionUser(row: Omit<UserRow, 'password_hash'>): SessionUser {
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

export interface NewSession {
  tokenHash: Buffer;
  userId: string;
  csrfToken: string;
  ttlHours: number;
  maxHours: number;
  ip: string;
  userAgent: string | undefined;
}

/**
 * The end of a successful sign-in, in one statement and so one commit: the pair's failures
 * forgotten and the address's attempt taken back, the session, and its `sign_in.succeeded` row of
 * the security log (written here rather than by the security module so that a sign-in costs one
 * commit, not three).
 */
export async function openSession(
  db: Queryable,
  s: NewSession & { pairKey: string; addressKey: string; email: string; requestId: string | null },
): Promise<void> {
  await db.query({
    name: 'sign-in-open-session',
    text: `WITH pair AS (DELETE FROM sign_in_attempts WHERE key = $8),
       address AS (UPDATE sign_in_attempts SET n = greatest(n - 1, 0) WHERE key = $9),
       session AS (
         INSERT INTO sessions(token_hash, user_id, csrf_token, expires_at, ip, user_agent)
         VALUES ($1, $2, $3, now() + make_interval(hours => least($4::int, $7::int)), $5, $6))
     INSERT INTO security_events (kind, user_id, email, ip, request_id) VALUES ('sign_in.succeeded', $2, $10, left($5, 100), left($11, 100))`,
    values: [
      s.tokenHash,
      s.userId,
      s.csrfToken,
      s.ttlHours,
      s.ip,
      s.userAgent?.slice(0, 300) ?? null,
      s.maxHours,
      s.pairKey,
      s.addressKey,
      s.email,
      s.requestId,
    ],
  });
}

const sessionUserColumns = `u.id, u.email, u.display_name, u.role, u.locale,
  u.organisation_id, o.name_vi AS organisation_name, o.side AS organisation_side`;

// Every signed-in request runs it first (in a batch with the requests that arrived with it):
// prepared, in one form for each size of batch up to a power of two (the list padded with its
// first hash), so that PostgreSQL reuses one plan of each rather than planning every lookup. With
// an array (`= ANY($1)`) it never did: its plan for an array of unknown length, costed as ten
// hashes, always looked dearer than one made for the hashes at hand, and making that plan cost
// more than running it (docs/PERFORMANCE.md, "Plans made once").
const SESSION_LIST_SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256] as const;
const findSessionsSql = SESSION_LIST_SIZES.map((size) =>
  prepared(
    `session.find.${size}`,
    `WITH s AS (
       SELECT token_hash, user_id, csrf_token, last_seen_at FROM sessions
       WHERE token_hash IN (${Array.from({ length: size }, (_, i) => `$${i + 3}::bytea`).join(', ')})
         AND expires_at > now() AND created_at > now() - make_interval(hours => $2)
     ), touched AS (
       -- Idle expiry slides forward, never past the absolute lifetime counted from sign-in.
       UPDATE sessions SET last_seen_at = now(),
         expires_at = least(now() + make_interval(hours => $1), sessions.created_at + make_interval(hours => $2))
       FROM s WHERE sessions.token_hash = s.token_hash AND s.last_seen_at < now() - interval '1 minute'
     )
     SELECT encode(s.token_hash, 'hex') AS token_hash, ${sessionUserColumns}, s.csrf_token, g.n AS generation
     FROM s
     JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL
     JOIN organisations o ON o.id = u.organisation_id
     CROSS JOIN organisation_generation g`,
  ),
);
const MOST_SESSIONS = SESSION_LIST_SIZES[8];

export interface FoundSession {
  user: SessionUser;
  csrfToken: string;
  /** The generation of the organisation tree, read in the same statement (see `ReachCache`). */
  generation: number;
}

/**
 * The live sessions among some token hashes, by the hash in hex, each sliding its expiry forward
 * at most once a minute. Read with the generation of the organisation tree in the same statement:
 * what the user's organisation reaches is worked out from the tree of that generation
 * (`ReachCache`), so that a move in the tree or of the user takes effect on the very next request
 * of every session, on every instance.
 */
export async function findSessions(
  db: Queryable,
  tokenHashes: Buffer[],
  ttlHours: number,
  maxHours: number,
): Promise<Map<string, FoundSession>> {
  // Reading is the common case; a row is written only when its last touch is a minute old, so
  // concurrent requests of one session neither queue on its row lock nor write WAL each time.
  const found = new Map<string, FoundSession>();
  for (let from = 0; from < tokenHashes.length; from += MOST_SESSIONS) {
    const hashes = tokenHashes.slice(from, from + MOST_SESSIONS);
    const form = SESSION_LIST_SIZES.findIndex((size) => size >= hashes.length);
    const size = SESSION_LIST_SIZES[form] as number;
    const padded = [...hashes, ...Array<Buffer>(size - hashes.length).fill(hashes[0] as Buffer)];
    const { rows } = await db.query<Omit<UserRow, 'password_hash'> & { token_hash: string; csrf_token: string; generation: number }>(
      (findSessionsSql[form] as (values: unknown[]) => NamedStatement)([ttlHours, maxHours, ...padded]),
    );
    for (const row of rows) found.set(row.token_hash, { user: toSessionUser(row), csrfToken: row.csrf_token, generation: row.generation });
  }
  return found;
}

export async function findSession(db: Queryable, tokenHash: Buffer, ttlHours: number, maxHours: number): Promise<FoundSession | undefined> {
  return (await findSessions(db, [tokenHash], ttlHours, maxHours)).get(tokenHash.toString('hex'));
}

export async function deleteSession(db: Queryable, tokenHash: Buffer): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** How long a pair (an account at an address) stays quiet before its failures are forgotten. */
export const PAIR_MEMORY_HOURS = 24;

/**
 * Counts an attempt of an account at an address, unless the pair is waiting out its back-off:
 * `limit` attempts are free; past them, attempt `limit + j` is let through only `2^(j-1)` minutes
 * (capped at `maxMinutes`) after the pair's last one. One statement, so a burst is counted one by
 * one. Answers 0 when the attempt may go ahead, else the seconds left to wait (nothing counted).
 */
export async function countPairAttempt(db: Queryable, key: string, limit: number, maxMinutes: number): Promise<number> {
  const backoff = `make_interval(mins => least(power(2, greatest(a.n - $2, 0))::int, $3))`;
  const { rows } = await db.query<{ counted: boolean }>(
    `WITH counted AS (
       INSERT INTO sign_in_attempts AS a (key, n) VALUES ($1, 1)
       ON CONFLICT (key) DO UPDATE SET
         n = CASE WHEN a.last_at < now() - make_interval(hours => $4) THEN 1 ELSE a.n + 1 END,
         window_start = CASE WHEN a.last_at < now() - make_interval(hours => $4) THEN now() ELSE a.window_start END,
         last_at = now()
       WHERE a.last_at < now() - make_interval(hours => $4) OR a.n < $2 OR a.last_at <= now() - ${backoff}
       RETURNING 1)
     SELECT EXISTS (SELECT 1 FROM counted) AS counted`,
    [key, limit, maxMinutes, PAIR_MEMORY_HOURS],
  );
  if (rows[0]?.counted) return 0;
  // Refused. The wait is read in a statement of its own: the one above may not see a row that a
  // parallel attempt inserted after it began (its conflict check does, its snapshot does not).
  return pairWait(db, key, limit, maxMinutes);
}

/**
 * Counts a sign-in attempt, before its password is checked, in one statement: against its address
 * (over all accounts, in a window from the first attempt), and, when the address is within its
 * limit, against its account at that address (with the back-off of `countPairAttempt`). The address
 * row is always locked first, so parallel attempts cannot deadlock; each row lock serialises a
 * burst. Answers the address's count and whether the pair let this attempt through.
 */
export async function countSignInAttempt(
  db: Queryable,
  a: { addressKey: string; pairKey: string; perAddress: number; perPair: number; windowMinutes: number; backoffMaxMinutes: number },
): Promise<{ addressCount: number; pairCounted: boolean }> {
  const backoff = `make_interval(mins => least(power(2, greatest(p.n - $4, 0))::int, $5))`;
  const { rows } = await db.query<{ address_n: number; counted: boolean }>({
    name: 'sign-in-count',
    text: `WITH address AS (
       INSERT INTO sign_in_attempts AS a (key, n) VALUES ($1, 1)
       ON CONFLICT (key) DO UPDATE SET
         n = CASE WHEN a.window_start < now() - make_interval(mins => $6) THEN 1 ELSE a.n + 1 END,
         window_start = CASE WHEN a.window_start < now() - make_interval(mins => $6) THEN now() ELSE a.window_start END,
         last_at = now()
       RETURNING n),
     pair AS (
       INSERT INTO sign_in_attempts AS p (key, n) SELECT $2, 1 WHERE (SELECT n FROM address) <= $3
       ON CONFLICT (key) DO UPDATE SET
         n = CASE WHEN p.last_at < now() - make_interval(hours => $7) THEN 1 ELSE p.n + 1 END,
         window_start = CASE WHEN p.last_at < now() - make_interval(hours => $7) THEN now() ELSE p.window_start END,
         last_at = now()
       WHERE p.last_at < now() - make_interval(hours => $7) OR p.n < $4 OR p.last_at <= now() - ${backoff}
       RETURNING 1)
     SELECT (SELECT n FROM address) AS address_n, EXISTS (SELECT 1 FROM pair) AS counted`,
    values: [a.addressKey, a.pairKey, a.perAddress, a.perPair, a.backoffMaxMinutes, a.windowMinutes, PAIR_MEMORY_HOURS],
  });
  const row = rows[0] as { address_n: number; counted: boolean };
  return { addressCount: row.address_n, pairCounted: row.counted };
}

/** The seconds a pair still has to wait in its back-off (read in a statement of its own: see countPairAttempt). */
export async function pairWait(db: Queryable, key: string, limit: number, maxMinutes: number): Promise<number> {
  const left = await db.query<{ wait: number }>(
    `SELECT ceil(extract(epoch FROM a.last_at + make_interval(mins => least(power(2, greatest(a.n - $2, 0))::int, $3)) - now()))::int AS wait
       FROM sign_in_attempts a WHERE a.key = $1`,
    [key, limit, maxMinutes],
  );
  return Math.max(left.rows[0]?.wait ?? 1, 1);
}

export async function deleteExpired(db: Queryable, windowMinutes: number): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at < now()');
  await db.query(
    `DELETE FROM sign_in_attempts
      WHERE (key LIKE 'address:%' AND window_start < now() - make_interval(mins => $1))
         OR last_at < now() - make_interval(hours => $2)`,
    [windowMinutes, PAIR_MEMORY_HOURS],
  );
}

/** A user's password hash, locked for the change that replaces it. */
export async function lockPasswordHash(db: Queryable, userId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1 FOR UPDATE', [userId]);
  return rows[0]?.password_hash;
}

export async function setPasswordHash(db: Queryable, userId: string, hash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1', [userId, hash]);
}

/** Ends every session of a user but one (the one changing the password); answers how many ended. */
export async function deleteOtherSessions(db: Queryable, userId: string, keep: Buffer): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [userId, keep]);
  return rowCount ?? 0;
}

/** The right password was given: the pair's failures are forgotten. */
export async function forgetPair(db: Queryable, pairKey: string): Promise<void> {
  await db.query('DELETE FROM sign_in_attempts WHERE key = $1', [pairKey]);
}
