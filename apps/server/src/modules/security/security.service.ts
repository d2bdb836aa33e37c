import type { SecurityEvent, SecurityEventKind } from '@accord/domain';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/pool.js';
import { authorizeGlobal } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';
import * as repo from './security.repository.js';

/**
 * The security log. Each event is one structured log line (pino, with the request's id and the
 * user; never a password, token or cookie) and one row of `security_events`, which administrators
 * read in the app (`stored`: its row was written with the change it is about). Writing the row is best effort: an event about a request must not fail it, so a
 * database fault is logged and the request goes on.
 */
export async function securityEvent(
  request: FastifyRequest,
  kind: SecurityEventKind,
  who: { userId?: string | null; email?: string | null } = {},
  details: Record<string, unknown> = {},
  { stored = false }: { stored?: boolean } = {},
): Promise<void> {
  const event = {
    kind,
    userId: who.userId ?? request.auth?.user.id ?? null,
    email: who.email ?? request.auth?.user.email ?? null,
    ip: request.ip,
    requestId: String(request.id),
    details,
  };
  const level = kind === 'sign_in.succeeded' || kind === 'password.changed' || kind === 'admin.action' ? 'info' : 'warn';
  request.log[level]({ userId: event.userId, security: event }, `security: ${kind}`);
  if (stored) return;
  try {
    await repo.insertSecurityEvent(request.server.changeDb, event, kind === 'sign_in.throttled' ? 60 : undefined);
  } catch (error) {
    request.log.error({ err: error, security: event }, 'security event not stored');
  }
}

export function listSecurityEvents(
  db: Db,
  viewer: Viewer,
  query: { kind?: SecurityEventKind; limit: number; before?: number },
): Promise<SecurityEvent[]> {
  authorizeGlobal(viewer, 'security.read');
  return repo.listSecurityEvents(db, query);
}
