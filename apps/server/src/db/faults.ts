/**
 * The one place that tells a database fault from a statement's error: the database cannot be
 * used right now (it is down, starting, shutting down, full, out of connections, or the
 * connection dropped), or a wait passed its bound (statement, lock, pool, client-side). Both are
 * answered 503 with Retry-After; a connection a fault leaves in an unknown state is discarded.
 */

export type DatabaseFault = 'unavailable' | 'timeout';

export interface FaultOf {
  fault: DatabaseFault;
  /** The connection cannot be trusted any more: close it rather than hand it to the next request. */
  discard: boolean;
}

/** SQLSTATE → fault. Class 08 (connection exception) is handled by its prefix. */
const byState: Record<string, FaultOf> = {
  '57P01': { fault: 'unavailable', discard: true }, // admin_shutdown
  '57P02': { fault: 'unavailable', discard: true }, // crash_shutdown
  '57P03': { fault: 'unavailable', discard: true }, // cannot_connect_now (starting up, recovering)
  '57P05': { fault: 'unavailable', discard: true }, // idle_session_timeout
  '53300': { fault: 'unavailable', discard: true }, // too_many_connections
  '53100': { fault: 'unavailable', discard: false }, // disk_full
  '53200': { fault: 'unavailable', discard: false }, // out_of_memory
  '53400': { fault: 'unavailable', discard: false }, // configuration_limit_exceeded
  '3D000': { fault: 'unavailable', discard: true }, // the database does not exist (yet)
  '28000': { fault: 'unavailable', discard: true }, // invalid_authorization_specification
  '28P01': { fault: 'unavailable', discard: true }, // invalid_password
  '57014': { fault: 'timeout', discard: false }, // query_canceled: statement_timeout
  '55P03': { fault: 'timeout', discard: false }, // lock_not_available: lock_timeout
  '25P03': { fault: 'timeout', discard: true }, // idle_in_transaction_session_timeout
};

/** Errors of the socket under a connection (Node's codes). */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** The driver's (pg, pg-pool) own errors, which carry no code. */
const driverMessages: [RegExp, FaultOf][] = [
  [/^Query read timeout/, { fault: 'timeout', discard: true }],
  [/^timeout exceeded when trying to connect/, { fault: 'timeout', discard: true }],
  [/^Connection terminated/, { fault: 'unavailable', discard: true }],
  [/^Client has encountered a connection error/, { fault: 'unavailable', discard: true }],
  [/^Client was closed and is not queryable/, { fault: 'unavailable', discard: true }],
];

export function databaseFaultOf(error: unknown): FaultOf | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (/^[0-9A-Z]{5}$/.test(code)) return byState[code] ?? (code.startsWith('08') ? { fault: 'unavailable', discard: true } : undefined);
    if (socketCodes.has(code)) return { fault: 'unavailable', discard: true };
    // Any other code is not the driver's (an AppError's, say).
    return undefined;
  }
  // An AggregateError (every address of a host refused) holds the socket errors.
  if (error instanceof AggregateError && error.errors.some((e) => databaseFaultOf(e)?.fault === 'unavailable')) {
    return { fault: 'unavailable', discard: true };
  }
  return driverMessages.find(([pattern]) => pattern.test(error.message))?.[1];
}
