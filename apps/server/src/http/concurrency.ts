import crypto from 'node:crypto';
import { AppError, fieldIssue } from '@accord/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The ETag of a record is its version number. */
export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/**
 * The version a client says it edits: If-Match (an ETag we gave) or a `version` field.
 * A write without either is refused with 428, so nobody overwrites a change they never saw.
 */
export function expectedVersion(request: FastifyRequest, bodyVersion: number | undefined): number {
  const header = request.headers['if-match'];
  if (typeof header === 'string' && header.trim() !== '') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
    if (!match)
      throw new AppError('VALIDATION_FAILED', 'If-Match must be the ETag of the record.', { issues: [fieldIssue('If-Match', 'invalid')] });
    return Number(match[1]);
  }
  if (bodyVersion !== undefined) return bodyVersion;
  throw new AppError('PRECONDITION_REQUIRED', 'Send the version you edited (If-Match header or a version field).');
}

/**
 * Sends a read whose answer is large and changes only when what it shows changes (the plan tree)
 * with an ETag of its content as this viewer sees it: a weak one, since the bytes on the wire
 * differ by compression. A browser may keep it (`private, no-cache`: for this user only, asked
 * again every time) and asks with If-None-Match; when nothing changed the answer is 304 with no
 * body, so neither the network nor the browser's JSON parser carries it again. The answer is
 * serialised here, once, for its hash and to send: not re-validated against its schema.
 */
export function sendRevalidated(request: FastifyRequest, reply: FastifyReply, answer: unknown): FastifyReply {
  const body = JSON.stringify(answer);
  const etag = `W/"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  reply.header('etag', etag).header('cache-control', 'private, no-cache');
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}

/** If-None-Match against one ETag, by weak comparison (RFC 9110 §13.1.2): a list, or `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
