import crypto from 'node:crypto';
import { AppError, invalidField, type PasswordChangeInput, type SessionUser, type SignInInput } from '@accord/domain';
import { withChange } from '../../change/change.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/pool.js';
import * as repo from './auth.repository.js';
import { authorizeGlobal } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import { hashPassword, verifyPassword } from './password.js';

export interface SignedIn {
  token: string;
  user: SessionUser;
  csrfToken: string;
}

export function hashToken(token: string): Buffer {
  return crypto.createHash('sha256').update(token).digest();
}

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * Signs a user in. Attempts are counted in PostgreSQL, so the throttle holds across every server
 * instance: per client address over all accounts (a guesser trying many accounts), and per account
 * *at an address* with a back-off past the limit (a guesser trying one account), so that wrong
 * passwords sent from elsewhere never lock the owner out at their own address. A successful
 * sign-in takes its pair's count back to zero. The message never says whether the account exists.
 */
export async function signIn(
  db: Db,
  config: Config,
  input: SignInInput,
  client: { ip: string; userAgent: string | undefined; requestId: string | null },
): Promise<SignedIn> {
  const { ip, userAgent, requestId } = client;
  const pairKey = `pair:${input.email}|${ip}`;
  const addressKey = `address:${ip}`;
  const { perAccountAddress, perAddress, windowMinutes, backoffMaxMinutes } = config.signInLimits;
  // Each attempt is counted before its password is checked, in one statement that serialises
  // parallel attempts on the same key, so that a burst cannot pass a count read before any of it
  // was written (all of a burst did when the count was read first and written after the check).
  const count = await repo.countSignInAttempt(db, {
    addressKey,
    pairKey,
    perAddress,
    perPair: perAccountAddress,
    windowMinutes,
    backoffMaxMinutes,
  });
  if (count.addressCount > perAddress) throw throttled(windowMinutes * 60);
  if (!count.pairCounted) throw throttled(await repo.pairWait(db, pairKey, perAccountAddress, backoffMaxMinutes));
  const found = await repo.findUserByEmail(db, input.email);
  const ok = await verifyPassword(found?.passwordHash, input.password);
  if (!found || !ok) throw new AppError('INVALID_CREDENTIALS', 'The e-mail or password is not correct.');
  const token = newToken();
  const csrfToken = newToken();
  await repo.openSession(db, {
    tokenHash: hashToken(token),
    userId: found.user.id,
    csrfToken,
    ttlHours: config.sessionTtlHours,
    maxHours: config.sessionMaxHours,
    ip,
    userAgent,
    pairKey,
    addressKey,
    email: found.user.email,
    requestId,
  });
  return { token, user: found.user, csrfToken };
}

function throttled(seconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new AppError('SIGN_IN_THROTTLED', `Too many failed sign-ins. Try again in ${minutes} minutes.`, {
    retryAfterMinutes: minutes,
    retryAfterSeconds: seconds,
  });
}

/**
 * Changes the signed-in user's own password. The current password is asked for (and counted like a
 * sign-in attempt from this address, so a stolen session cannot guess it); on success every other
 * session of the user ends, this one stays. Answers how many sessions ended.
 */
export async function changePassword(
  db: Db,
  config: Config,
  viewer: Viewer,
  session: { token: string; ip: string },
  input: PasswordChangeInput,
): Promise<{ endedSessions: number }> {
  authorizeGlobal(viewer, 'account.changePassword');
  const { email, id: userId } = viewer.user;
  const wait = await repo.countPairAttempt(
    db,
    `pair:${email}|${session.ip}`,
    config.signInLimits.perAccountAddress,
    config.signInLimits.backoffMaxMinutes,
  );
  if (wait > 0) throw throttled(wait);
  const found = await repo.findUserByEmail(db, email);
  if (!found || !(await verifyPassword(found.passwordHash, input.currentPassword))) throw invalidField('currentPassword', 'wrongPassword');
  const hash = await hashPassword(input.newPassword);
  return withChange(db, viewer, async ({ tx }) => {
    // Changed by another request since it was checked: check again rather than overwrite it.
    if ((await repo.lockPasswordHash(tx, userId)) !== found.passwordHash) throw invalidField('currentPassword', 'wrongPassword');
    await repo.setPasswordHash(tx, userId, hash);
    await repo.forgetPair(tx, `pair:${email}|${session.ip}`);
    return { endedSessions: await repo.deleteOtherSessions(tx, userId, hashToken(session.token)) };
  });
}

export async function signOut(db: Db, token: string): Promise<void> {
  await repo.deleteSession(db, hashToken(token));
}

/**
 * Finds the session of a request's token. The requests that arrive together (in one turn of the
 * event loop: under load, the dozens read from the sockets at once) are looked up in one statement
 * rather than one each, which is most of what a signed-in request costs PostgreSQL and the driver.
 * Each lookup still runs after its request arrived, so a sign-out, a disabled user or an expiry
 * committed before it is seen by it, on every instance; a lone request waits for nothing.
 */
const SESSION_BATCH = 200;

export function sessionResolver(db: Db, config: Config): (token: string) => Promise<repo.FoundSession | undefined> {
  let batch: Map<
    string,
    { hash: Buffer; waiting: Array<{ resolve: (s: repo.FoundSession | undefined) => void; reject: (e: unknown) => void }> }
  > | null = null;
  const flush = () => {
    const lookups = batch;
    batch = null;
    if (!lookups) return;
    repo
      .findSessions(
        db,
        [...lookups.values()].map((l) => l.hash),
        config.sessionTtlHours,
        config.sessionMaxHours,
      )
      .then(
        (found) => {
          for (const [hex, l] of lookups) for (const w of l.waiting) w.resolve(found.get(hex));
        },
        (error: unknown) => {
          for (const l of lookups.values()) for (const w of l.waiting) w.reject(error);
        },
      );
  };
  return (token) =>
    new Promise((resolve, reject) => {
      const hash = hashToken(token);
      const hex = hash.toString('hex');
      if (!batch) {
        batch = new Map();
        setImmediate(flush);
      }
      const known = batch.get(hex);
      if (known) known.waiting.push({ resolve, reject });
      else batch.set(hex, { hash, waiting: [{ resolve, reject }] });
      // A statement stays small however many arrive at once; the rest go in the next.
      if (batch.size >= SESSION_BATCH) flush();
    });
}

/** Deletes expired sessions and sign-in failures older than the throttle window. */
export function purgeExpired(db: Db, config: Config): Promise<void> {
  return repo.deleteExpired(db, config.signInLimits.windowMinutes);
}
