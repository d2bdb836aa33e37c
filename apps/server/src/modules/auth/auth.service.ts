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
 * Signs a user in. Attempts are counted per account and per address in PostgreSQL, so the
 * throttle holds across every server instance; a successful sign-in takes its account's count
 * back to zero. The message never says whether the account exists.
 */
export async function signIn(db: Db, config: Config, input: SignInInput, ip: string, userAgent: string | undefined): Promise<SignedIn> {
  const accountKey = `account:${input.email}`;
  const addressKey = `address:${ip}`;
  const { perAccount, perAddress, windowMinutes } = config.signInLimits;
  // The attempt is counted before the password is checked, in one statement that serialises
  // parallel attempts on the same key, so that a burst cannot pass a count read before any of it
  // was written (all of a burst did when the count was read first and written after the check).
  const counts = await repo.countAttempt(db, [accountKey, addressKey], windowMinutes);
  if ((counts.get(accountKey) ?? 0) > perAccount || (counts.get(addressKey) ?? 0) > perAddress) {
    throw new AppError('SIGN_IN_THROTTLED', `Too many failed sign-ins. Try again in ${windowMinutes} minutes.`, {
      retryAfterMinutes: windowMinutes,
    });
  }
  const found = await repo.findUserByEmail(db, input.email);
  const ok = await verifyPassword(found?.passwordHash, input.password);
  if (!found || !ok) throw new AppError('INVALID_CREDENTIALS', 'The e-mail or password is not correct.');
  await repo.forgiveAttempt(db, accountKey, addressKey);
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
