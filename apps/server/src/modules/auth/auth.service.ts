import crypto from 'node:crypto';
import { AppError, type SessionUser, type SignInInput } from '@accord/domain';
import type { Config } from '../../config.js';
import type { Db } from '../../db/pool.js';
import * as repo from './auth.repository.js';
import { verifyPassword } from './password.js';

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
export async function signIn(db: Db, config: Config, input: SignInInput, ip: string, userAgent: string | undefined): Promise<SignedIn> {
  const pairKey = `pair:${input.email}|${ip}`;
  const addressKey = `address:${ip}`;
  const { perAccountAddress, perAddress, windowMinutes, backoffMaxMinutes } = config.signInLimits;
  // Each attempt is counted before its password is checked, in one statement that serialises
  // parallel attempts on the same key, so that a burst cannot pass a count read before any of it
  // was written (all of a burst did when the count was read first and written after the check).
  const counts = await repo.countAttempt(db, [addressKey], windowMinutes);
  if ((counts.get(addressKey) ?? 0) > perAddress) throw throttled(windowMinutes * 60);
  const wait = await repo.countPairAttempt(db, pairKey, perAccountAddress, backoffMaxMinutes);
  if (wait > 0) throw throttled(wait);
  const found = await repo.findUserByEmail(db, input.email);
  const ok = await verifyPassword(found?.passwordHash, input.password);
  if (!found || !ok) throw new AppError('INVALID_CREDENTIALS', 'The e-mail or password is not correct.');
  await repo.forgiveAttempt(db, pairKey, addressKey);
  const token = newToken();
  const csrfToken = newToken();
  await repo.insertSession(db, {
    tokenHash: hashToken(token),
    userId: found.user.id,
    csrfToken,
    ttlHours: config.sessionTtlHours,
    maxHours: config.sessionMaxHours,
    ip,
    userAgent,
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

export async function signOut(db: Db, token: string): Promise<void> {
  await repo.deleteSession(db, hashToken(token));
}

export function resolveSession(db: Db, config: Config, token: string) {
  return repo.findSession(db, hashToken(token), config.sessionTtlHours, config.sessionMaxHours);
}

/** Deletes expired sessions and sign-in failures older than the throttle window. */
export function purgeExpired(db: Db, config: Config): Promise<void> {
  return repo.deleteExpired(db, config.signInLimits.windowMinutes);
}
