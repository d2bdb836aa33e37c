import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import { AppError, fieldIssue, idempotencyKeyPattern, invalidField } from '@accord/domain';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/pool.js';

/**
 * Idempotency keys (docs/RELIABILITY.md). A client that sends `Idempotency-Key` with a create or
 * another non-idempotent action and loses the answer (a crash, a timeout) sends the same request
 * again with the same key: it gets the first answer and nothing is created twice.
 *
 * The key is claimed inside the change's own transaction (`withChange` calls `claim`), so a
 * change and its key commit or roll back together: there is no window in which a change is saved
 * but its key is not. Two requests with one key at once: the second's claim waits on the first's
 * row, then finds it and replays its answer.
 */

/** How long a key's answer is kept. */
export const IDEMPOTENCY_HOURS = 24;

export interface IdempotencyClaim {
  userId: string;
  key: string;
  requestHash: string;
  status: number;
  /** Set once the change has claimed the key: a request makes one change, later ones are not keyed. */
  used: boolean;
}

export interface StoredAnswer {
  status: number;
  response: unknown;
}

const scope = new AsyncLocalStorage<IdempotencyClaim>();

/** Thrown inside a change whose key another request has just used: the route replays that answer. */
export class IdempotentReplay extends Error {
  constructor(readonly answer: StoredAnswer) {
    super('replay');
  }
}

function keyReused(): AppError {
  return new AppError(
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for another request. Use a new key for a new request.',
    { issues: [fieldIssue('Idempotency-Key', 'idempotencyKeyReused')] },
  );
}

/** The key a request sends, checked; undefined when it sends none. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header.join(',') : header;
  if (!idempotencyKeyPattern.test(key)) throw invalidField('Idempotency-Key', 'invalidIdempotencyKey');
  return key;
}

/** What a key is bound to: the method, the path as sent and the body, in a canonical form. */
export function requestHash(method: string, url: string, body: unknown): string {
  // A file's bytes (an upload) are hashed as they are, with the query that names the file.
  if (Buffer.isBuffer(body)) return crypto.createHash('sha256').update(`${method} ${url}\n`).update(body).digest('base64url');
  return crypto
    .createHash('sha256')
    .update(`${method} ${url.split('?')[0]}\n`)
    .update(canonicalJson(body))
    .digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The answer kept for a key, or undefined; a key used for another request is refused. */
export async function storedAnswer(
  db: Queryable,
  claim: Pick<IdempotencyClaim, 'userId' | 'key' | 'requestHash'>,
): Promise<StoredAnswer | undefined> {
  const { rows } = await db.query<{ request_hash: string; status: number; response: unknown }>({
    name: 'idempotency-find',
    text: `SELECT request_hash, status, response FROM idempotency_keys
            WHERE user_id = $1 AND key = $2 AND created_at > now() - make_interval(hours => $3)`,
    values: [claim.userId, claim.key, IDEMPOTENCY_HOURS],
  });
  const row = rows[0];
  if (!row) return undefined;
  if (row.request_hash !== claim.requestHash) throw keyReused();
  return { status: row.status, response: row.response };
}

/** Runs a request's handler with its key, so that the change it makes claims the key. */
export function withIdempotencyKey<T>(claim: IdempotencyClaim, run: () => Promise<T>): Promise<T> {
  return scope.run(claim, run);
}

/**
 * Called by `withChange` inside its transaction, before the change: claims the request's key (when
 * it has one and has not used it) and returns how to record the answer before commit. A key taken
 * by a request that committed meanwhile throws `IdempotentReplay` (or a reuse error).
 */
export async function claimIdempotencyKey(tx: Queryable): Promise<((answer: unknown) => Promise<void>) | undefined> {
  const claim = scope.getStore();
  if (!claim || claim.used) return undefined;
  claim.used = true;
  // A key older than a day is free again: its row is taken over.
  const { rowCount } = await tx.query({
    name: 'idempotency-claim',
    text: `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
           ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = NULL, response = NULL, created_at = now()
             WHERE idempotency_keys.created_at <= now() - make_interval(hours => $4)`,
    values: [claim.userId, claim.key, claim.requestHash, IDEMPOTENCY_HOURS],
  });
  if (rowCount === 0) {
    const answer = await storedAnswer(tx, claim);
    if (answer) throw new IdempotentReplay(answer);
  }
  return async (answer: unknown) => {
    await tx.query({
      name: 'idempotency-answer',
      text: 'UPDATE idempotency_keys SET status = $3, response = $4 WHERE user_id = $1 AND key = $2',
      values: [claim.userId, claim.key, claim.status, answer === undefined ? null : JSON.stringify(answer)],
    });
  };
}

/** Forgets keys past their day (every instance purges now and then; idempotent). */
export async function purgeIdempotencyKeys(db: Queryable): Promise<void> {
  await db.query('DELETE FROM idempotency_keys WHERE created_at <= now() - make_interval(hours => $1)', [IDEMPOTENCY_HOURS]);
}
