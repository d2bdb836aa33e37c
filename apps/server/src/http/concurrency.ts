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
