import { AppError } from '@accord/domain';
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

// OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane.
const params = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, params);
}

/**
 * Hash checks run a few at a time (each takes ~20 ms of a core and 19 MiB), and at most a bounded
 * number wait: a burst of sign-ins cannot take every core and all memory, and past the queue's
 * bound it is refused at once (RATE_LIMITED) instead of waiting for minutes.
 */
const PARALLEL = 4;
const MAX_WAITING = 200;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `fn` in one of the hash-check slots (exported for its test). */
export async function bounded<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) {
    if (waiting.length >= MAX_WAITING) throw new AppError('RATE_LIMITED', 'Too many sign-ins at once. Try again in a moment.');
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else running += 1;
  try {
    return await fn();
  } finally {
    // The slot goes to the next in line, or is freed.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

let dummyHash: Promise<string> | undefined;

/** Verifies a password; with no stored hash it still spends the same time, so timing tells nothing. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword('accord-dummy-password');
    const dummy = await dummyHash;
    await bounded(() => verify(dummy, password).catch(() => false));
    return false;
  }
  return bounded(() => verify(stored, password).catch(() => false));
}
